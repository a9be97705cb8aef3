import type { AuthenticatorService, Principal } from '@app/domain';
import type { LiveEmitter } from '@app/platform';
import { randomUUID } from 'node:crypto';
import type { DataLoaderFactory } from '../graphql/dataloaders.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import type { SocketContext } from '../graphql/operation-gate.js';

interface Dependencies {
  emitter: LiveEmitter;
  authenticator: AuthenticatorService;
  loaders: DataLoaderFactory;
}

interface ConnectionInit {
  payload?: { authorization?: unknown } | null;
}

/**
 * graphql-ws over Redis pub/sub: every api instance can serve every subscriber. A socket is
 * authenticated from `connectionParams.authorization` ("Bearer <token>") at connection_init
 * (refused without valid credentials: every subscription is private) and again per event.
 */
export function subscriptionOptions({ emitter, authenticator, loaders }: Dependencies) {
  return {
    emitter,
    async onConnect({
      payload,
    }: ConnectionInit): Promise<(Omit<GqlContext, 'req' | 'reply'> & Pick<SocketContext, 'subscriptions'>) | false> {
      const authorization = typeof payload?.authorization === 'string' ? payload.authorization : undefined;
      let principal: Principal | null;
      try {
        principal = await authenticator.fromAuthorizationHeader(authorization);
      } catch {
        return false;
      }
      if (!principal) return false;
      // A socket lives for hours: every delivery checks the credential again, so a
      // revoked token or an expired access token stops the stream's data at once.
      return {
        requestId: randomUUID(),
        loaders: loaders.create(),
        principal: () => authenticator.fromAuthorizationHeader(authorization),
        batch: { cost: 0 },
        // Shared by every subscription of the socket: their contexts are shallow copies of this one.
        subscriptions: new Set<string>(),
      };
    },
  };
}
