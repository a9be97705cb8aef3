import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';
import { acceptsGraphQLResponse, GRAPHQL_RESPONSE_TYPE } from './media-type.js';

export const GRAPHQL_PATH = '/graphql';

export interface HttpEdgeOptions {
  maxBatch: number;
  metrics: MetricsService;
  logger: Logger;
}

type GraphQLParams = Record<string, unknown>;
type GraphQLBody = GraphQLParams | GraphQLParams[];

/**
 * Whether the router sent this request to the GraphQL handler. The route, not the raw URL:
 * the router decodes `/%67raphql` to `/graphql`, so a URL comparison would be a side door.
 */
export function isGraphQLRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === GRAPHQL_PATH;
}

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The operation's name: as given, else as written in the document (clients often send only that). */
function operationName(request: FastifyRequest): unknown {
  const body = request.body as GraphQLBody | undefined;
  if (Array.isArray(body)) return 'batch';
  const params = body ?? (request.query as GraphQLParams | undefined);
  if (params?.operationName) return params.operationName;
  return typeof params?.query === 'string' ? NAMED_OPERATION.exec(params.query)?.[1] : undefined;
}

function badRequest(message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] };
}

const isMap = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A parameter of the wrong JSON type. Fastify's body schema would coerce `"query": 7` to
 * "7" and answer a GraphQL syntax error; the GraphQL-over-HTTP spec calls it a bad request.
 */
function badParameter(params: GraphQLParams): string | null {
  if ('query' in params && typeof params.query !== 'string') return 'query must be a string';
  if (params.operationName != null && typeof params.operationName !== 'string') return 'operationName must be a string';
  if (params.variables != null && !isMap(params.variables)) return 'variables must be a map';
  if (params.extensions != null && !isMap(params.extensions)) return 'extensions must be a map';
  return null;
}

/**
 * What the GraphQL-over-HTTP spec and our limits need around Mercurius: `"extensions": null`
 * is legal per spec but fails Mercurius's body schema; parameters of the wrong type are
 * refused; a batch larger than the limit is refused whole; a client that accepts
 * `application/graphql-response+json` gets it. Also tags every response with its request
 * id and records one metric and one log line per GraphQL request.
 */
export function installHttpEdge(app: FastifyInstance, options: HttpEdgeOptions): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!isGraphQLRoute(request) || request.method !== 'POST') return;
    const body = request.body as GraphQLBody | null | undefined;
    const operations = Array.isArray(body) ? body : isMap(body) ? [body as GraphQLParams] : [];
    if (operations.length > options.maxBatch) {
      return reply
        .status(400)
        .send(badRequest(`A batch may hold at most ${options.maxBatch} operations; this one has ${operations.length}`));
    }
    for (const operation of operations) {
      if (!isMap(operation)) return reply.status(400).send(badRequest('Each operation must be a map'));
      const problem = badParameter(operation);
      if (problem) return reply.status(400).send(badRequest(problem));
      for (const key of ['extensions', 'variables', 'operationName']) {
        if (operation[key] === null) delete operation[key];
      }
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    const json = String(reply.getHeader('content-type') ?? '').startsWith('application/json');
    if (json && isGraphQLRoute(request) && acceptsGraphQLResponse(request.headers.accept)) {
      void reply.header('content-type', `${GRAPHQL_RESPONSE_TYPE}; charset=utf-8`);
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!isGraphQLRoute(request)) return;
    const seconds = reply.elapsedTime / 1000;
    const operation = operationName(request);
    options.metrics.observe(operation, seconds, reply.statusCode < 400);
    options.logger.info(
      { requestId: request.id, operation, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'graphql request',
    );
  });
}
