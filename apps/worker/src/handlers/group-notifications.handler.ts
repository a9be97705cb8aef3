import { Injectable } from '@nestjs/common';
import { GroupNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship_group.transitioned')
export class GroupNotificationsHandler implements EventHandler<'mentorship_group.transitioned'> {
  constructor(private readonly notifications: GroupNotificationsService) {}

  async handle(job: EventJob<'mentorship_group.transitioned'>): Promise<void> {
    await this.notifications.transitioned(job.eventId, job.payload.transitionId);
  }
}
