import type { Principal } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Loaders } from './dataloaders.js';

/** What every resolver can reach for the request being served. */
export interface GqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  loaders: Loaders;
  /** Resolved once per request from the Authorization header; rejects on bad credentials. */
  principal: () => Promise<Principal | null>;
}
