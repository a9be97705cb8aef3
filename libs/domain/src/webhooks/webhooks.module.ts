import { Module } from '@nestjs/common';
import { WebhookTransportModule } from '@app/platform';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { FeedbackModule } from '../feedback/feedback.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service.js';
import { WebhookFanoutService } from './webhook-fanout.service.js';
import { WebhookSecretBoxService } from './webhook-secret-box.service.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhookViewsService } from './webhook-views.service.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhooks: registration and delivery log (api), fan-out and ordered sending (worker; needs the global QueueModule). */
@Module({
  imports: [
    WebhookTransportModule,
    AccountsModule,
    RequestsModule,
    MentorshipsModule,
    SchedulingModule,
    FeedbackModule,
    GroupsModule,
    ProgramsModule,
  ],
  providers: [
    WebhooksService,
    WebhookDeliveryLogService,
    WebhookViewsService,
    WebhookFanoutService,
    WebhookSenderService,
    WebhookSecretBoxService,
  ],
  exports: [WebhooksService, WebhookDeliveryLogService, WebhookFanoutService, WebhookSenderService],
})
export class WebhooksModule {}
