import { Injectable } from '@nestjs/common';
import { CheckInNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship.stalled')
export class MentorshipStalledHandler implements EventHandler<'mentorship.stalled'> {
  constructor(private readonly notifications: CheckInNotificationsService) {}

  async handle(job: EventJob<'mentorship.stalled'>): Promise<void> {
    await this.notifications.stalled(job.eventId, job.payload.mentorshipId);
  }
}
