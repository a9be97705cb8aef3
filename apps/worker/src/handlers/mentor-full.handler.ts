import { Injectable } from '@nestjs/common';
import { RequestNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentor_profile.capacity_reached')
export class MentorFullHandler implements EventHandler<'mentor_profile.capacity_reached'> {
  constructor(private readonly notifications: RequestNotificationsService) {}

  async handle(job: EventJob<'mentor_profile.capacity_reached'>): Promise<void> {
    await this.notifications.mentorFull(job.eventId, job.payload.profileId);
  }
}
