import { Injectable } from '@nestjs/common';
import { RequestNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship_request.transitioned')
export class RequestNotificationsHandler implements EventHandler<'mentorship_request.transitioned'> {
  constructor(private readonly notifications: RequestNotificationsService) {}

  async handle(job: EventJob<'mentorship_request.transitioned'>): Promise<void> {
    await this.notifications.transitioned(job.eventId, job.payload.transitionId, job.payload.requestId);
  }
}
