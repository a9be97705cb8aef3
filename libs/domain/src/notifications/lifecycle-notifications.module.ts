import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { AccountNotificationsService } from './account-notifications.service.js';
import { GroupNotificationsService } from './group-notifications.service.js';
import { MentorshipNotificationsService } from './mentorship-notifications.service.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { RequestNotificationsService } from './request-notifications.service.js';
import { RequestParticipantsService } from './request-participants.service.js';

/** Who is told what when accounts, requests, mentorships and groups move: the product's notification policy. */
@Module({
  imports: [NotificationDeliveryModule, AccountsModule, RequestsModule, MentorshipsModule, GroupsModule],
  providers: [
    RequestParticipantsService,
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    GroupNotificationsService,
  ],
  exports: [
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    GroupNotificationsService,
  ],
})
export class LifecycleNotificationsModule {}
