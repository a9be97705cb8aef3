import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SearchIndexerService, SearchIndexingModule } from '@app/domain';
import { createLogger, loadConfigOrExit, migrateDatabase } from '@app/platform';
import { progressBar } from './seed/progress-bar.js';

/**
 * Rebuilds the whole search index from PostgreSQL. The new index is built aside and
 * swapped in at the end, so search keeps serving the old one throughout; changes the
 * indexer applies meanwhile are replayed after the swap.
 */
const config = loadConfigOrExit();
const logger = createLogger('reindex', config.LOG_LEVEL);
await migrateDatabase(config);
const app = await NestFactory.createApplicationContext(SearchIndexingModule.forRoot(config, logger), { logger: false });
try {
  const indexer = app.get(SearchIndexerService);
  await indexer.prepare();
  const draw = progressBar();
  const started = performance.now();
  const { done } = await indexer.reindex(({ done: count, total }) => draw({ phase: 'reindexing', done: count, total }));
  draw({ phase: 'reindexing', done, total: done });
  process.stdout.write(`Reindexed ${done} published mentors in ${Math.round(performance.now() - started)} ms.\n`);
} finally {
  await app.close();
}
