import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CONFIG, type Config } from '../config/index.js';
import { LOGGER } from '../logging/index.js';
import { createRedis } from '../queue/redis.js';
import { RefusedCallers } from './refused-callers.js';

/**
 * Spends `cost` points from a counter that lives for one window from its first spend, in
 * one atomic step, so every api instance shares it. Refuses without spending when the
 * points would pass the limit. Returns allowed (1|0), points used, milliseconds to reset.
 */
const SPEND = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if used + cost > tonumber(ARGV[2]) then
  return {0, used, redis.call('PTTL', KEYS[1])}
end
used = redis.call('INCRBY', KEYS[1], cost)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, used, redis.call('PTTL', KEYS[1])}
`;

export interface BudgetState {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
}

type SpendingRedis = Redis & {
  spendPoints(key: string, cost: number, limit: number, windowMs: number): Promise<[number, number, number]>;
};

/**
 * Points budgets per caller and window, kept in Redis. When Redis cannot answer, the
 * budget is not enforced (serving beats refusing) and the outage is logged once. A caller
 * Redis already refused is refused from memory until their window ends (RefusedCallers).
 */
@Injectable()
export class PointsBudgetService implements OnApplicationShutdown {
  private readonly redis: SpendingRedis;
  private readonly refused = new RefusedCallers();
  private outage = false;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    // Fails fast: a request never waits on a Redis that is down or slow. Spends of requests
    // served in the same tick go out in one write.
    this.redis = createRedis(config.REDIS_URL, 'producer', {
      commandTimeout: 500,
      enableAutoPipelining: true,
    }) as SpendingRedis;
    this.redis.defineCommand('spendPoints', { numberOfKeys: 1, lua: SPEND });
  }

  /** Spends `cost` of `caller`'s `limit` points; null when the budget is unknown (Redis down). */
  async spend(caller: string, cost: number, limit: number): Promise<BudgetState | null> {
    const known = this.refused.refusalFor(caller, cost);
    if (known) return { allowed: false, limit, remaining: known.remaining, resetAt: new Date(known.resetAt) };
    const windowMs = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    const key = `${this.config.QUEUE_PREFIX}:budget:${caller}`;
    let reply: [number, number, number];
    try {
      reply = await this.redis.spendPoints(key, cost, limit, windowMs);
    } catch (error) {
      if (!this.outage) {
        this.outage = true;
        this.logger.warn({ err: error }, 'rate limits not enforced: Redis does not answer');
      }
      return null;
    }
    if (this.outage) {
      this.outage = false;
      this.logger.info('rate limits enforced again: Redis answers');
    }
    const [allowed, used, ttlMs] = reply;
    const state = {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, limit - used),
      resetAt: new Date(Date.now() + (ttlMs > 0 ? ttlMs : windowMs)),
    };
    this.refused.record(caller, state.allowed, { remaining: state.remaining, resetAt: state.resetAt.getTime() });
    return state;
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
