import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { FeedbackModule } from '../feedback/feedback.module.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { ReviewNotificationsService } from './review-notifications.service.js';

/** Who is told what about reviews. */
@Module({
  imports: [NotificationDeliveryModule, AccountsModule, FeedbackModule],
  providers: [ReviewNotificationsService],
  exports: [ReviewNotificationsService],
})
export class FeedbackNotificationsModule {}
