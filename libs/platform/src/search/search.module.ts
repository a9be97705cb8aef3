import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { Config } from '../config/index.js';
import { LOGGER } from '../logging/index.js';
import { MeiliSearchEngine } from './meili/meili-search-engine.js';
import { PostgresSearchEngine } from './postgres/postgres-search-engine.js';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine.js';

/** Meilisearch when MEILI_URL is set, else the embedded PostgreSQL engine. */
export function createSearchEngine(config: Config, db: DataSource, logger: Logger): SearchEngine {
  return config.MEILI_URL
    ? new MeiliSearchEngine(config.MEILI_URL, config.MEILI_KEY)
    : new PostgresSearchEngine(db, logger);
}

@Global()
@Module({})
export class SearchEngineModule implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  /** After the HTTP server has closed, so searches still in flight can finish. */
  onApplicationShutdown(): Promise<void> {
    return this.engine.close();
  }

  static forRoot(config: Config): DynamicModule {
    return {
      module: SearchEngineModule,
      providers: [
        {
          provide: SEARCH_ENGINE,
          inject: [DataSource, LOGGER],
          useFactory: (db: DataSource, logger: Logger) => createSearchEngine(config, db, logger),
        },
      ],
      exports: [SEARCH_ENGINE],
    };
  }
}
