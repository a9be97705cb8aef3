import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { AccountNotificationsService } from './account-notifications.service.js';
import { MentorshipNotificationsService } from './mentorship-notifications.service.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { RequestNotificationsService } from './request-notifications.service.js';
import { RequestParticipantsService } from './request-participants.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WebhookNotificationsService } from './webhook-notifications.service.js';

/** Who is told what when accounts, requests, mentorships and webhooks move: the product's notification policy. */
@Module({
  imports: [NotificationDeliveryModule, AccountsModule, RequestsModule, MentorshipsModule, WebhooksModule],
  providers: [
    RequestParticipantsService,
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    WebhookNotificationsService,
  ],
  exports: [
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    WebhookNotificationsService,
  ],
})
export class LifecycleNotificationsModule {}
