import { Module } from '@nestjs/common';
import { EmailPreferencesService } from './email-preferences.service.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  providers: [NotificationsService, EmailPreferencesService],
  exports: [NotificationsService, EmailPreferencesService],
})
export class NotificationsModule {}
