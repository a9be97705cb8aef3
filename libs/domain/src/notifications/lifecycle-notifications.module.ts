import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { AccountNotificationsService } from './account-notifications.service.js';
import { MentorshipNotificationsService } from './mentorship-notifications.service.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { ProgramNotificationsService } from './program-notifications.service.js';
import { RequestNotificationsService } from './request-notifications.service.js';
import { RequestParticipantsService } from './request-participants.service.js';

/** Who is told what when accounts, requests, mentorships and programs move: the product's notification policy. */
@Module({
  imports: [NotificationDeliveryModule, AccountsModule, RequestsModule, MentorshipsModule, ProgramsModule],
  providers: [
    RequestParticipantsService,
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    ProgramNotificationsService,
  ],
  exports: [
    RequestNotificationsService,
    MentorshipNotificationsService,
    AccountNotificationsService,
    ProgramNotificationsService,
  ],
})
export class LifecycleNotificationsModule {}
