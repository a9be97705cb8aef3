import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { FeedbackModule } from '../feedback/feedback.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { CheckInNotificationsService } from './check-in-notifications.service.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { ReviewNotificationsService } from './review-notifications.service.js';

/** Who is told what about reviews, check-ins and mentorship health. */
@Module({
  imports: [NotificationDeliveryModule, AccountsModule, FeedbackModule, MentorshipsModule, SchedulingModule],
  providers: [ReviewNotificationsService, CheckInNotificationsService],
  exports: [ReviewNotificationsService, CheckInNotificationsService],
})
export class FeedbackNotificationsModule {}
