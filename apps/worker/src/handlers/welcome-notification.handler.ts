import { Injectable } from '@nestjs/common';
import { AccountNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'user.signed_up')
export class WelcomeNotificationHandler implements EventHandler<'user.signed_up'> {
  constructor(private readonly notifications: AccountNotificationsService) {}

  async handle(job: EventJob<'user.signed_up'>): Promise<void> {
    await this.notifications.signedUp(job.eventId, job.payload.userId);
  }
}
