import { Injectable } from '@nestjs/common';
import { AccountsService, NotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/** Greets a new user in their inbox; the event id makes a redelivery a no-op. */
@Injectable()
@HandlesEvent(QUEUES.notifications, 'user.signed_up')
export class WelcomeNotificationHandler implements EventHandler<'user.signed_up'> {
  constructor(
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(job: EventJob<'user.signed_up'>): Promise<void> {
    const user = await this.accounts.findById(job.payload.userId);
    if (!user) return;
    await this.notifications.createOnce({
      userId: user.id,
      type: 'WELCOME',
      title: `Welcome to Mentorbridge, ${user.displayName}`,
      body: 'Complete your profile to find a mentor, or publish one to mentor others.',
      dedupeKey: `${job.type}:${job.eventId}`,
    });
  }
}
