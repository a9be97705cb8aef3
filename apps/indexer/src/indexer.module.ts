import { Module, type DynamicModule } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  EventConsumerModule,
  LoggingModule,
  QUEUES,
  QueueModule,
  type Config,
} from '@app/platform';
import type { Logger } from 'pino';

export const INDEXER_QUEUES = [QUEUES.searchSync] as const;

@Module({})
export class IndexerModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: IndexerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config),
        QueueModule,
        EventConsumerModule.forQueues(INDEXER_QUEUES),
      ],
    };
  }
}
