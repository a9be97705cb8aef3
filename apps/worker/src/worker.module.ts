import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule, NotificationsModule } from '@app/domain';
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
import { WelcomeNotificationHandler } from './handlers/welcome-notification.handler.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

/** Queues this app consumes: every queue but search sync, which is the indexer's. */
export const WORKER_QUEUES = [QUEUES.notifications] as const;

@Module({})
export class WorkerModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config),
        QueueModule,
        AccountsModule,
        NotificationsModule,
        EventConsumerModule.forQueues(WORKER_QUEUES),
      ],
      providers: [OutboxRelay, WelcomeNotificationHandler],
      exports: [OutboxRelay],
    };
  }
}
