import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';

export interface HttpEdgeOptions {
  maxBatch: number;
  metrics: MetricsService;
  logger: Logger;
}

type GraphQLBody = Record<string, unknown> | Array<Record<string, unknown>>;

function isGraphQLRoute(request: FastifyRequest): boolean {
  return request.url === '/graphql' || request.url.startsWith('/graphql?');
}

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The operation's name: as given, else as written in the document (clients often send only that). */
function operationName(request: FastifyRequest): unknown {
  const body = request.body as GraphQLBody | undefined;
  if (Array.isArray(body)) return 'batch';
  const params = body ?? (request.query as Record<string, unknown> | undefined);
  if (params?.operationName) return params.operationName;
  return typeof params?.query === 'string' ? NAMED_OPERATION.exec(params.query)?.[1] : undefined;
}

function badRequest(message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] };
}

/**
 * What the GraphQL-over-HTTP spec and our limits need before Mercurius sees a request:
 * `"extensions": null` is legal per spec but fails Mercurius's body schema, and a
 * batch larger than the limit is refused whole. Also tags every response with its
 * request id and records one metric and one log line per GraphQL request.
 */
export function installHttpEdge(app: FastifyInstance, options: HttpEdgeOptions): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!isGraphQLRoute(request) || request.method !== 'POST') return;
    const body = request.body as GraphQLBody | null | undefined;
    const operations = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
    if (operations.length > options.maxBatch) {
      return reply
        .status(400)
        .send(badRequest(`A batch may hold at most ${options.maxBatch} operations; this one has ${operations.length}`));
    }
    for (const operation of operations) {
      for (const key of ['extensions', 'variables', 'operationName']) {
        if (operation && operation[key] === null) delete operation[key];
      }
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
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
