import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, migrateDatabase, QueueRegistry, type Config } from '@app/platform';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { MetricsEndpoint } from '../../apps/api/src/metrics/metrics-endpoint.js';
import { INDEXER_QUEUES, IndexerModule } from '../../apps/indexer/src/indexer.module.js';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.js';
import { WORKER_QUEUES, WorkerModule } from '../../apps/worker/src/worker.module.js';
import {
  graphql,
  resetDatabase,
  testConfig,
  waitForIdleWorkers,
  waitForQuiescence,
  type GraphQLCaller,
} from '@app/testing';

export interface TestSystemOptions {
  /** Run the worker (outbox relay and consumers) in this process too. */
  worker?: boolean;
  /** Run the indexer in this process too. */
  indexer?: boolean;
  config?: Partial<Record<keyof Config, string>>;
}

export interface TestSystem extends GraphQLCaller {
  config: Config;
  url: string;
  baseUrl: string;
  /** Prometheus metrics, on the api's own metrics listener (not the public port). */
  metricsUrl: string;
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  indexer?: INestApplicationContext;
  db: DataSource;
  /** Waits until every committed event is relayed and every queued job has run. */
  settle(): Promise<void>;
  /** Empties the database (but reference data) and this run's queues. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The real api on a random port, with the worker and indexer beside it when asked. */
export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const config = testConfig(options.config);
  const logger = createLogger('test', config.LOG_LEVEL);
  await migrateDatabase(config);
  const api = await createApiApp(config, logger);
  await api.listen({ port: 0, host: '127.0.0.1' });
  const address = api.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('api did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const context = async (module: Parameters<typeof NestFactory.createApplicationContext>[0]) => {
    const app = await NestFactory.createApplicationContext(module, { logger: false });
    await app.init();
    return app;
  };
  const worker = options.worker ? await context(WorkerModule.forRoot(config, logger)) : undefined;
  const indexer = options.indexer ? await context(IndexerModule.forRoot(config, logger)) : undefined;
  const db = api.get(DataSource);
  const queues = api.get(QueueRegistry);
  const consumedNames = [...(worker ? WORKER_QUEUES : []), ...(indexer ? INDEXER_QUEUES : [])];
  const consumed = queues.all().filter((queue) => (consumedNames as string[]).includes(queue.name));

  return {
    config,
    url: `${baseUrl}/graphql`,
    baseUrl,
    metricsUrl: `http://127.0.0.1:${api.get(MetricsEndpoint).port}/metrics`,
    api,
    worker,
    indexer,
    db,
    gql: (query, variables, token) => graphql(`${baseUrl}/graphql`, query, variables, token),
    settle: () => waitForQuiescence(db, consumed, worker?.get(OutboxRelay)),
    async reset() {
      // Nothing queued may start, and what runs must finish, before the tables go.
      // Queues nobody here consumes are wiped whole: a job left active by an earlier
      // test file's consumer would otherwise stay "active" forever.
      for (const queue of queues.all()) {
        if (consumed.includes(queue)) await queue.drain(true);
        else await queue.obliterate({ force: true });
      }
      await waitForIdleWorkers(consumed);
      // A job that was running during the drain may have scheduled timers since (a request's
      // expiry, a session's reminders): they go too, now that nothing runs.
      for (const queue of consumed) await queue.drain(true);
      await resetDatabase(db);
      for (const queue of queues.all()) {
        await Promise.all((['completed', 'failed'] as const).map((state) => queue.clean(0, 0, state)));
      }
    },
    async close() {
      await indexer?.close();
      await worker?.close();
      await api.close();
    },
  };
}
