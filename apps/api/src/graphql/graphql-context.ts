import type { Principal } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitType } from '../rate-limit/rate-limit.types.js';
import type { Loaders } from './dataloaders.js';

/** What every resolver can reach for the request being served. */
export interface GqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  loaders: Loaders;
  /** Resolved once per request from the Authorization header; rejects on bad credentials. */
  principal: () => Promise<Principal | null>;
  /** The cost of the request's operations so far: a batch shares one cost limit. */
  batch: { cost: number };
  /**
   * What this operation spends of the caller's budget, asked before it runs. A cheap read
   * runs while it is spent, and its answer waits for it (see OperationGate).
   */
  rateLimit?: Promise<RateLimitType>;
}
