import { Module, type DynamicModule } from '@nestjs/common';
import { LifecycleNotificationsModule, RequestTimersModule, WebhooksModule } from '@app/domain';
import {
  ConfigModule,
  DatabaseModule,
  EventConsumerModule,
  LiveModule,
  LoggingModule,
  MailModule,
  QUEUES,
  QueueModule,
  type Config,
} from '@app/platform';
import type { Logger } from 'pino';
import { ExpireRequestHandler } from './handlers/expire-request.handler.js';
import { MentorFullHandler } from './handlers/mentor-full.handler.js';
import { MentorshipNotificationsHandler } from './handlers/mentorship-notifications.handler.js';
import { RequestExpirySweepHandler } from './handlers/request-expiry-sweep.handler.js';
import { RequestExpiryTimerHandler } from './handlers/request-expiry-timer.handler.js';
import { RequestNotificationsHandler } from './handlers/request-notifications.handler.js';
import { WebhookDeliverHandler } from './handlers/webhook-deliver.handler.js';
import { WebhookDisabledHandler } from './handlers/webhook-disabled.handler.js';
import { WebhookFanoutHandler } from './handlers/webhook-fanout.handler.js';
import { WebhookRedeliveryHandler } from './handlers/webhook-redelivery.handler.js';
import { WebhookSweepHandler } from './handlers/webhook-sweep.handler.js';
import { WelcomeNotificationHandler } from './handlers/welcome-notification.handler.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

/** Queues this app consumes: every queue but search sync, which is the indexer's. */
export const WORKER_QUEUES = [
  QUEUES.notifications,
  QUEUES.lifecycle,
  QUEUES.webhooks,
  QUEUES.webhookDeliveries,
] as const;

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
        LiveModule,
        MailModule,
        LifecycleNotificationsModule,
        RequestTimersModule,
        WebhooksModule,
        EventConsumerModule.forQueues(WORKER_QUEUES),
      ],
      providers: [
        OutboxRelay,
        WelcomeNotificationHandler,
        RequestNotificationsHandler,
        RequestExpiryTimerHandler,
        ExpireRequestHandler,
        RequestExpirySweepHandler,
        MentorshipNotificationsHandler,
        MentorFullHandler,
        WebhookFanoutHandler,
        WebhookDeliverHandler,
        WebhookRedeliveryHandler,
        WebhookSweepHandler,
        WebhookDisabledHandler,
      ],
      exports: [OutboxRelay],
    };
  }
}
