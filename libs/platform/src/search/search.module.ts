import { Global, Inject, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Config } from '../config/index.js';
import { MeiliSearchEngine } from './meili/meili-search-engine.js';
import { PostgresSearchEngine } from './postgres/postgres-search-engine.js';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine.js';

/** Meilisearch when MEILI_URL is set, else the embedded PostgreSQL engine. */
export function createSearchEngine(config: Config, db: DataSource): SearchEngine {
  return config.MEILI_URL ? new MeiliSearchEngine(config.MEILI_URL, config.MEILI_KEY) : new PostgresSearchEngine(db);
}

@Global()
@Module({})
export class SearchEngineModule implements OnModuleDestroy {
  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  onModuleDestroy(): Promise<void> {
    return this.engine.close();
  }

  static forRoot(config: Config): DynamicModule {
    return {
      module: SearchEngineModule,
      providers: [
        {
          provide: SEARCH_ENGINE,
          inject: [DataSource],
          useFactory: (db: DataSource) => createSearchEngine(config, db),
        },
      ],
      exports: [SEARCH_ENGINE],
    };
  }
}
