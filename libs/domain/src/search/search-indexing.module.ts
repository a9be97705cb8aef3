import { Module, type DynamicModule } from '@nestjs/common';
import { coreModules, QueueModule, SearchEngineModule, type Config } from '@app/platform';
import type { Logger } from 'pino';
import { SearchModule } from './search.module.js';

/** The indexer's services without any queue consumer: the base of the indexer app and of `npm run reindex`. */
@Module({})
export class SearchIndexingModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: SearchIndexingModule,
      imports: [...coreModules(config, logger), QueueModule, SearchEngineModule.forRoot(config), SearchModule],
      exports: [SearchModule],
    };
  }
}
