import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule } from '../config/config.module.js';
import type { Config } from '../config/config.schema.js';
import { DatabaseModule } from '../database/database.module.js';
import { LoggingModule } from '../logging/logging.module.js';

/** What every process of ours stands on: its configuration, its logger and its database pool. */
export function coreModules(config: Config, logger: Logger): DynamicModule[] {
  return [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DatabaseModule.forRoot(config)];
}
