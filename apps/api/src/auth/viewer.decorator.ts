import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@app/platform';
import type { Principal } from '@app/domain';
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
