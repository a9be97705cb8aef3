import { Module, type DynamicModule } from '@nestjs/common';
import {
  FeedbackNotificationsModule,
  FeedbackTimersModule,
  LifecycleNotificationsModule,
  RequestTimersModule,
  SchedulingModule,
  SessionNotificationsModule,
  WebhooksModule,
} from '@app/domain';
import {
  coreModules,
  EventConsumerModule,
  LiveModule,
  MailModule,
  QueueModule,
  QUEUES,
  type Config,
} from '@app/platform';
import type { Logger } from 'pino';
import { CadenceNudgeSweepHandler } from './handlers/cadence-nudge-sweep.handler.js';
import { CheckInRequestHandler } from './handlers/check-in-request.handler.js';
import { ExpireRequestHandler } from './handlers/expire-request.handler.js';
import { HealthSweepHandler } from './handlers/health-sweep.handler.js';
import { GroupNotificationsHandler } from './handlers/group-notifications.handler.js';
import { GroupSessionSeatsHandler } from './handlers/group-session-seats.handler.js';
import { MentorFullHandler } from './handlers/mentor-full.handler.js';
import { MentorshipNotificationsHandler } from './handlers/mentorship-notifications.handler.js';
import { MentorshipStalledHandler } from './handlers/mentorship-stalled.handler.js';
import { ProgramMatchNotificationsHandler } from './handlers/program-match-notifications.handler.js';
import { ProgramDigestSweepHandler } from './handlers/program-digest-sweep.handler.js';
import { ProgramRhythmSweepHandler } from './handlers/program-rhythm-sweep.handler.js';
import { RequestExpirySweepHandler } from './handlers/request-expiry-sweep.handler.js';
import { RequestExpiryTimerHandler } from './handlers/request-expiry-timer.handler.js';
import { RequestNotificationsHandler } from './handlers/request-notifications.handler.js';
import { SessionCompletionSweepHandler } from './handlers/session-completion-sweep.handler.js';
import { SESSION_EVENT_HANDLERS } from './handlers/session-event.handlers.js';
import { SessionReminderHandler } from './handlers/session-reminder.handler.js';
import { WebhookDeliverHandler } from './handlers/webhook-deliver.handler.js';
import { WebhookDisabledHandler } from './handlers/webhook-disabled.handler.js';
import { WebhookFanoutHandler } from './handlers/webhook-fanout.handler.js';
import { WebhookRedeliveryHandler } from './handlers/webhook-redelivery.handler.js';
import { WebhookSweepHandler } from './handlers/webhook-sweep.handler.js';
import { WelcomeNotificationHandler } from './handlers/welcome-notification.handler.js';
import { RatingAggregatesHandler } from './handlers/rating-aggregates.handler.js';
import { RevealReviewHandler } from './handlers/reveal-review.handler.js';
import { ReviewNotificationsHandler } from './handlers/review-notifications.handler.js';
import { ReviewRevealSweepHandler } from './handlers/review-reveal-sweep.handler.js';
import { ReviewRevealTimerHandler } from './handlers/review-reveal-timer.handler.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

/** Queues this app consumes: every queue but search sync, which is the indexer's. */
export const WORKER_QUEUES = [
  QUEUES.notifications,
  QUEUES.lifecycle,
  QUEUES.feedback,
  QUEUES.webhooks,
  QUEUES.webhookDeliveries,
] as const;

@Module({})
export class WorkerModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...coreModules(config, logger),
        QueueModule,
        LiveModule,
        MailModule,
        LifecycleNotificationsModule,
        RequestTimersModule,
        FeedbackTimersModule,
        FeedbackNotificationsModule,
        SchedulingModule,
        SessionNotificationsModule,
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
        ReviewNotificationsHandler,
        ReviewRevealTimerHandler,
        RevealReviewHandler,
        ReviewRevealSweepHandler,
        RatingAggregatesHandler,
        CheckInRequestHandler,
        MentorshipStalledHandler,
        HealthSweepHandler,
        GroupNotificationsHandler,
        GroupSessionSeatsHandler,
        ...SESSION_EVENT_HANDLERS,
        SessionReminderHandler,
        SessionCompletionSweepHandler,
        CadenceNudgeSweepHandler,
        ProgramMatchNotificationsHandler,
        ProgramRhythmSweepHandler,
        ProgramDigestSweepHandler,
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
