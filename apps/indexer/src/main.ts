import 'reflect-metadata';
import { runQueueApp } from '@app/platform';
import { IndexerModule } from './indexer.module.js';

await runQueueApp(
  'indexer',
  (config, logger) => IndexerModule.forRoot(config, logger),
  'indexer running: consuming search-sync',
);
