import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, type Config } from '@app/platform';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { ApiModule } from './api.module.js';
import { installHttpEdge } from './http/graphql-http-edge.js';
import { MetricsService } from './metrics/metrics.service.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A hop count trusts that many proxies nearest the api, as Fastify does for a number. */
function trustProxy(setting: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** Builds the api, ready to listen; shared by main.ts and the tests. */
export async function createApiApp(config: Config, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    // Off by default: X-Forwarded-For from a client that reaches the api directly is a lie
    // it could use to dodge per-address limits.
    trustProxy: trustProxy(config.TRUST_PROXY),
    // Honour a caller's request id (a gateway's), else make one.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, logger), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
  });
  installHttpEdge(app.getHttpAdapter().getInstance(), {
    maxBatch: config.GRAPHQL_MAX_BATCH,
    metrics: app.get(MetricsService),
    logger,
  });
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
