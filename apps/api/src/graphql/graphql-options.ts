import type { AuthenticatorService } from '@app/domain';
import type { Config, LiveEmitter } from '@app/platform';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import mercurius from 'mercurius';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { subscriptionOptions } from '../subscriptions/subscription-options.js';
import { complexityError, measureOperation, RejectedOperation } from './complexity.js';
import type { DataLoaderFactory } from './dataloaders.js';
import { flattenErrors, formatGraphQLError } from './error-formatter.js';
import { nulByteError } from './nul-bytes.js';
import type { GqlContext } from './graphql-context.js';

export const SCHEMA_FILE = join(process.cwd(), 'apps/api/schema.gql');

interface Dependencies {
  config: Config;
  logger: Logger;
  authenticator: AuthenticatorService;
  loaders: DataLoaderFactory;
  emitter: LiveEmitter;
}

/** Everything Mercurius needs: the per-request context, limits and the error contract. */
export function graphqlOptions({
  config,
  logger,
  authenticator,
  loaders,
  emitter,
}: Dependencies): MercuriusDriverConfig {
  return {
    // Outside production the schema is written where it is committed, so a diff shows API changes.
    autoSchemaFile: config.NODE_ENV === 'production' ? true : SCHEMA_FILE,
    sortSchema: true,
    path: '/graphql',
    graphiql: config.NODE_ENV !== 'production',
    allowBatchedQueries: true,
    subscription: subscriptionOptions({ emitter, authenticator, loaders }),
    context: (req: FastifyRequest, reply: FastifyReply): Omit<GqlContext, 'req'> => {
      let principal: ReturnType<GqlContext['principal']> | undefined;
      return {
        requestId: req.id,
        loaders: loaders.create(),
        principal: () => (principal ??= authenticator.fromAuthorizationHeader(req.headers.authorization)),
        reply,
      };
    },
    hooks: {
      // Checked here rather than in validation rules: Mercurius caches validation per
      // query text, and both checks depend on the variables.
      preExecution: [
        (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>) => {
          const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxCost: config.GRAPHQL_MAX_COST };
          const error =
            nulByteError(document, variables ?? {}) ??
            complexityError(measureOperation(schema, document, variables ?? {}), limits);
          if (error) throw new RejectedOperation([error]);
        },
      ],
    },
    errorFormatter: (execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: unknown) => {
      const { statusCode } = mercurius.defaultErrorFormatter(execution, context as never);
      const requestId = (context as { reply?: FastifyReply } | undefined)?.reply?.request.id ?? 'unknown';
      const errors = flattenErrors(execution.errors).map((error) => formatGraphQLError(error, requestId, logger));
      return { statusCode, response: { data: execution.data ?? null, errors } };
    },
  } as MercuriusDriverConfig;
}
