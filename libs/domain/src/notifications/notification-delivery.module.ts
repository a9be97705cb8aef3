import { Module } from '@nestjs/common';
import { EmailDeliveryService } from './email-delivery.service.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';
import { NotificationsModule } from './notifications.module.js';

/** Sending side of notifications (mail and live pushes); needs the global MailModule and LiveModule. */
@Module({
  imports: [NotificationsModule],
  providers: [EmailDeliveryService, NotificationDispatcherService],
  exports: [NotificationDispatcherService, NotificationsModule],
})
export class NotificationDeliveryModule {}
