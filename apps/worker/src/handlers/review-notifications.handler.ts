import { Injectable } from '@nestjs/common';
import { ReviewNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'review.transitioned')
export class ReviewNotificationsHandler implements EventHandler<'review.transitioned'> {
  constructor(private readonly notifications: ReviewNotificationsService) {}

  async handle(job: EventJob<'review.transitioned'>): Promise<void> {
    await this.notifications.transitioned(job.eventId, job.payload.transitionId);
  }
}
