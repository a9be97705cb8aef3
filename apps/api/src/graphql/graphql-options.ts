import type { AuthenticatorService } from '@app/domain';
import { ErrorCode, type Config, type LiveEmitter } from '@app/platform';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import mercurius from 'mercurius';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { subscriptionOptions } from '../subscriptions/subscription-options.js';
import { GRAPHQL_PATH } from '../http/graphql-http-edge.js';
import { acceptsGraphQLResponse } from '../http/media-type.js';
import type { DataLoaderFactory } from './dataloaders.js';
import { limitDearFields } from './dear-fields.js';
import { flattenErrors, formatGraphQLError, isHttpFailure } from './error-formatter.js';
import type { GqlContext } from './graphql-context.js';
import type { OperationGate, SocketContext } from './operation-gate.js';

export const SCHEMA_FILE = join(process.cwd(), 'apps/api/schema.gql');

interface Dependencies {
  config: Config;
  logger: Logger;
  authenticator: AuthenticatorService;
  loaders: DataLoaderFactory;
  emitter: LiveEmitter;
  gate: OperationGate;
}

type Execution = ExecutionResult & { errors: readonly GraphQLError[] };

/**
 * The status of a request that failed before execution (no `data` at all). Under
 * `application/graphql-response+json` it is a 4xx; under `application/json` it stays 200,
 * as GraphQL over HTTP asks, unless the HTTP request itself was unreadable, the method
 * was wrong (405) or the caller is over budget (429).
 */
function requestErrorStatus(status: number, errors: readonly GraphQLError[], request?: FastifyRequest): number {
  if (status === 405 || status === 429) return status;
  if (errors.some(isHttpFailure) || acceptsGraphQLResponse(request?.headers.accept))
    return status >= 400 ? status : 400;
  return 200;
}

/** Everything Mercurius needs: the per-request context, limits and the error contract. */
export function graphqlOptions({
  config,
  logger,
  authenticator,
  loaders,
  emitter,
  gate,
}: Dependencies): MercuriusDriverConfig {
  return {
    // Outside production the schema is written where it is committed, so a diff shows API changes.
    autoSchemaFile: config.NODE_ENV === 'production' ? true : SCHEMA_FILE,
    sortSchema: true,
    path: GRAPHQL_PATH,
    graphiql: config.NODE_ENV !== 'production',
    allowBatchedQueries: true,
    transformSchema: (schema: GraphQLSchema) => limitDearFields(schema),
    subscription: subscriptionOptions({ emitter, authenticator, loaders }),
    context: (req: FastifyRequest, reply: FastifyReply): Omit<GqlContext, 'req'> => {
      let principal: ReturnType<GqlContext['principal']> | undefined;
      return {
        requestId: req.id,
        loaders: loaders.create(),
        principal: () => (principal ??= authenticator.fromAuthorizationHeader(req.headers.authorization)),
        reply,
        batch: { cost: 0 },
      };
    },
    hooks: {
      // Checked here rather than in validation rules: Mercurius caches validation per
      // query text, and the checks depend on the variables and the caller.
      preExecution: [
        (schema: GraphQLSchema, document: DocumentNode, context: unknown, variables?: Record<string, unknown>) =>
          gate.admitHttp(schema, document, context as GqlContext, variables ?? {}),
      ],
      onResolution: [(_execution: unknown, context: unknown) => gate.settle(context as GqlContext)],
      preSubscriptionExecution: [
        (schema: GraphQLSchema, document: DocumentNode, context: unknown, id: string) =>
          gate.admitSubscription(schema, document, context as SocketContext, id),
      ],
      onSubscriptionEnd: [(context: unknown, id: string) => gate.release(context as SocketContext, id)],
    },
    errorFormatter: (execution: Execution, context: unknown) => {
      const { statusCode } = mercurius.defaultErrorFormatter(execution, context as never);
      const reply = (context as { reply?: FastifyReply } | undefined)?.reply;
      const requestId = reply?.request.id ?? 'unknown';
      const flat = flattenErrors(execution.errors);
      const errors = flat.map((error) => formatGraphQLError(error, requestId, logger));
      const retryAfter = errors.find((error) => error.extensions?.code === ErrorCode.RATE_LIMITED)?.extensions
        ?.retryAfterSeconds;
      if (typeof retryAfter === 'number' && reply) void reply.header('retry-after', String(retryAfter));
      // Nothing ran: a request error has no `data` entry at all.
      if (execution.data === undefined) {
        return { statusCode: requestErrorStatus(statusCode, flat, reply?.request), response: { errors } };
      }
      return { statusCode, response: { data: execution.data, errors } };
    },
  } as MercuriusDriverConfig;
}
