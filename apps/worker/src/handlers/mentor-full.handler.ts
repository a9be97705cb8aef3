import { Injectable } from '@nestjs/common';
import { mentorFull, NotificationDispatcherService, RequestQueriesService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';
import { RequestParticipantsReader } from './request-participants.js';

/** A mentor took their last mentee: everyone still waiting on them hears it, and keeps waiting. */
@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentor_profile.capacity_reached')
export class MentorFullHandler implements EventHandler<'mentor_profile.capacity_reached'> {
  constructor(
    private readonly requests: RequestQueriesService,
    private readonly participants: RequestParticipantsReader,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  async handle(job: EventJob<'mentor_profile.capacity_reached'>): Promise<void> {
    for (const request of await this.requests.pendingForProfile(job.payload.profileId)) {
      const people = await this.participants.read(request);
      if (!people) continue;
      await this.dispatcher.deliver(
        people.mentee,
        mentorFull(people.facts, people.mentee),
        `${job.eventId}:${people.mentee.id}`,
      );
    }
  }
}
