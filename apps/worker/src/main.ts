import 'reflect-metadata';
import { runQueueApp } from '@app/platform';
import { WorkerModule } from './worker.module.js';

await runQueueApp(
  'worker',
  (config, logger) => WorkerModule.forRoot(config, logger),
  'worker running: relaying the outbox and consuming queues',
);
