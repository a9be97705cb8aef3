import { Injectable } from '@nestjs/common';
import { ProgramNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'program_match.published')
export class ProgramMatchNotificationsHandler implements EventHandler<'program_match.published'> {
  constructor(private readonly notifications: ProgramNotificationsService) {}

  async handle(job: EventJob<'program_match.published'>): Promise<void> {
    await this.notifications.matchPublished(job.eventId, job.payload.roundId, job.payload.mentorshipId);
  }
}
