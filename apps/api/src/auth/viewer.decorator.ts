import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@app/platform';
import { ALL_SCOPES, type Principal } from '@app/domain';
import type { GqlContext } from '../graphql/graphql-context.js';

async function principalOf(context: ExecutionContext): Promise<Principal | null> {
  return GqlExecutionContext.create(context).getContext<GqlContext>().principal();
}

/** The signed-in caller; only on operations the guard already made private. */
export const Viewer = createParamDecorator(async (_: unknown, context: ExecutionContext): Promise<Principal> => {
  const principal = await principalOf(context);
  if (!principal) throw DomainError.unauthenticated();
  return principal;
});

/** The caller when signed in, else null; for @Public() operations. */
export const OptionalViewer = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context));

/**
 * The caller as a field of a User sees them. Under an AuthPayload the caller has just
 * proved to be that user, so their new session is the viewer and the Authorization
 * header, which may be the stale one being replaced, is not read.
 */
export const UserFieldViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Promise<Principal | null> => {
    const user = GqlExecutionContext.create(context).getRoot<{ id: string; isSelf?: boolean } | undefined>();
    if (user?.isSelf === true) {
      return Promise.resolve({ userId: user.id, via: 'session', scopes: new Set(ALL_SCOPES) });
    }
    return principalOf(context);
  },
);
