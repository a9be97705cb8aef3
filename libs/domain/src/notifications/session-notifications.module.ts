import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { NotificationDeliveryModule } from './notification-delivery.module.js';
import { SessionNotificationsService } from './session-notifications.service.js';

/** The notification policy of sessions; the worker's session handlers delegate to it. */
@Module({
  imports: [AccountsModule, SchedulingModule, NotificationDeliveryModule],
  providers: [SessionNotificationsService],
  exports: [SessionNotificationsService],
})
export class SessionNotificationsModule {}
