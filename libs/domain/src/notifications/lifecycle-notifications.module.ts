import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { AccountNotificationsService } from './account-notifications.service.js';
import { GroupNotificationsService } from './group-notifications.service.js';
import { MentorshipNotificationsService } from './mentorship-notifications.service.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { ProgramDigestNotificationsService } from './program-digest-notifications.service.js';
import { ProgramNotificationsService } from './program-notifications.service.js';
import { ProgramRhythmNotificationsService } from './program-rhythm-notifications.service.js';
import { RequestNotificationsService } from './request-notifications.service.js';
import { RequestParticipantsService } from './request-participants.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WebhookNotificationsService } from './webhook-notifications.service.js';

/** Who is told what when accounts, requests, mentorships, groups, programs and webhooks move: the product's notification policy. */
@Module({
  imports: [
    NotificationDeliveryModule,
    AccountsModule,
    RequestsModule,
    MentorshipsModule,
    ProgramsModule,
    GroupsModule,
    WebhooksModule,
  ],
  providers: [
    RequestParticipantsService,
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    ProgramNotificationsService,
    ProgramRhythmNotificationsService,
    ProgramDigestNotificationsService,
    GroupNotificationsService,
    WebhookNotificationsService,
  ],
  exports: [
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    ProgramNotificationsService,
    ProgramRhythmNotificationsService,
    ProgramDigestNotificationsService,
    GroupNotificationsService,
    WebhookNotificationsService,
  ],
})
export class LifecycleNotificationsModule {}
