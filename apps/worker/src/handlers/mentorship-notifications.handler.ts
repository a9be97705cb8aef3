import { Injectable } from '@nestjs/common';
import { MentorshipNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship.transitioned')
export class MentorshipNotificationsHandler implements EventHandler<'mentorship.transitioned'> {
  constructor(private readonly notifications: MentorshipNotificationsService) {}

  async handle(job: EventJob<'mentorship.transitioned'>): Promise<void> {
    await this.notifications.transitioned(job.eventId, job.payload.transitionId);
  }
}
