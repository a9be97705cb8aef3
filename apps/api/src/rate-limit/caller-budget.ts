import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/domain';
import { CONFIG, ErrorCode, PointsBudgetService, type Config } from '@app/platform';
import { GraphQLError } from 'graphql';
import { RejectedOperation } from '../graphql/complexity.js';
import type { RateLimitType } from './rate-limit.types.js';

/** Who pays: a signed-in user (whichever session or token), else the client address. */
export function callerKey(principal: Principal | null, ip: string): string {
  return principal ? `user:${principal.userId}` : `ip:${ip}`;
}

/**
 * Each caller's points per window, as GitHub meters its API: a signed-in user (whichever
 * session or token) spends from their own budget, an anonymous caller from their IP
 * address's smaller one. Past it, RATE_LIMITED with `retryAfterSeconds` (HTTP 429).
 */
@Injectable()
export class CallerBudget {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly budgets: PointsBudgetService,
  ) {}

  /** Spends `cost` for the caller and reports what is left; throws when the budget cannot pay. */
  async spend(principal: Principal | null, ip: string, cost: number): Promise<RateLimitType> {
    const limit = principal ? this.config.RATE_LIMIT_POINTS : this.config.RATE_LIMIT_ANONYMOUS_POINTS;
    const state = await this.budgets.spend(callerKey(principal, ip), cost, limit);
    if (!state) {
      // Redis is down: not enforced, and reported as a fresh window.
      const resetAt = new Date(Date.now() + this.config.RATE_LIMIT_WINDOW_SECONDS * 1000);
      return { limit, cost, remaining: Math.max(0, limit - cost), resetAt };
    }
    if (!state.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
      const error = new GraphQLError(
        `Rate limit exceeded: this operation costs ${cost} points and ${state.remaining} of ${limit} remain; retry in ${retryAfterSeconds} s`,
        { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, cost, remaining: state.remaining } },
      );
      throw new RejectedOperation([error], 429);
    }
    return { limit, cost, remaining: state.remaining, resetAt: state.resetAt };
  }
}
