import { Module, type DynamicModule } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  QueueModule,
  SearchEngineModule,
  type Config,
} from '@app/platform';
import type { Logger } from 'pino';
import { SearchModule } from './search.module.js';

/** The indexer's services without any queue consumer: the base of the indexer app and of `npm run reindex`. */
@Module({})
export class SearchIndexingModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: SearchIndexingModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config),
        QueueModule,
        SearchEngineModule.forRoot(config),
        SearchModule,
      ],
      exports: [SearchModule],
    };
  }
}
