import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfigOrExit, migrateDatabase, PinoNestLogger, warnUnlessNoEviction } from '@app/platform';
import { IndexerModule } from './indexer.module.js';

const config = loadConfigOrExit();
const logger = createLogger('indexer', config.LOG_LEVEL);

await migrateDatabase(config);
await warnUnlessNoEviction(config.REDIS_URL, (message) => logger.warn(message));
const app = await NestFactory.createApplicationContext(IndexerModule.forRoot(config, logger), {
  logger: new PinoNestLogger(logger.child({ component: 'nest' })),
});
app.enableShutdownHooks();
await app.init();
logger.info('indexer running: consuming search-sync');
