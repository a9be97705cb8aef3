import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { loadConfigOrExit, type Config } from '../config/index.js';
import { migrateDatabase } from '../database/index.js';
import { createLogger, PinoNestLogger } from '../logging/index.js';
import { warnUnlessNoEviction } from '../queue/index.js';

/**
 * Boots a headless queue app (worker, indexer): validated config, migrations, a
 * Redis eviction check, then the Nest context until SIGTERM, when in-flight jobs finish.
 */
export async function runQueueApp(
  name: string,
  moduleFor: (config: Config, logger: Logger) => DynamicModule,
  ready: string,
): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(name, config.LOG_LEVEL);
  await migrateDatabase(config);
  await warnUnlessNoEviction(config.REDIS_URL, (message) => logger.warn(message));
  const app = await NestFactory.createApplicationContext(moduleFor(config, logger), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
  });
  app.enableShutdownHooks();
  await app.init();
  logger.info(ready);
}
