import { SearchIndexingModule } from '@app/domain';
import { Module, type DynamicModule } from '@nestjs/common';
import { EventConsumerModule, QUEUES, type Config } from '@app/platform';
import type { Logger } from 'pino';
import { MentorProfileChangedHandler } from './mentor-profile-changed.handler.js';
import { SearchIndexSettings } from './search-index-settings.js';

export const INDEXER_QUEUES = [QUEUES.searchSync] as const;

@Module({})
export class IndexerModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: IndexerModule,
      imports: [SearchIndexingModule.forRoot(config, logger), EventConsumerModule.forQueues(INDEXER_QUEUES)],
      providers: [SearchIndexSettings, MentorProfileChangedHandler],
    };
  }
}
