import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';

/** The caller's address as Fastify sees it: the socket peer, or X-Forwarded-For under TRUST_PROXY. */
export const ClientIp = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    GqlExecutionContext.create(context).getContext<GqlContext>().req.ip,
);
