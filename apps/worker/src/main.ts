import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfigOrExit, migrateDatabase, PinoNestLogger, warnUnlessNoEviction } from '@app/platform';
import { WorkerModule } from './worker.module.js';

const config = loadConfigOrExit();
const logger = createLogger('worker', config.LOG_LEVEL);

await migrateDatabase(config);
await warnUnlessNoEviction(config.REDIS_URL, (message) => logger.warn(message));

const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
  logger: new PinoNestLogger(logger.child({ component: 'nest' })),
});
app.enableShutdownHooks();
await app.init();
logger.info('worker running: relaying the outbox and consuming queues');
