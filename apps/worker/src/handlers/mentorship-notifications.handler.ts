import { Injectable } from '@nestjs/common';
import {
  AccountsService,
  MentorshipQueriesService,
  MentorshipStatus,
  mentorshipFinished,
  NotificationDispatcherService,
} from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/**
 * Tells the other participant that a mentorship finished. Its start needs no message
 * of its own: the mentee is told by the accepted request, and the mentor accepted it.
 */
@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship.transitioned')
export class MentorshipNotificationsHandler implements EventHandler<'mentorship.transitioned'> {
  constructor(
    private readonly mentorships: MentorshipQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  async handle(job: EventJob<'mentorship.transitioned'>): Promise<void> {
    const transition = await this.mentorships.findTransition(job.payload.transitionId);
    if (!transition || transition.to === MentorshipStatus.ACTIVE) return;
    const mentorship = await this.mentorships.findById(transition.mentorshipId);
    if (!mentorship) return;
    const [mentee, mentor] = await this.accounts.findByIds([mentorship.menteeId, mentorship.mentorUserId]);
    if (!mentee || !mentor) return;
    const [actor, other] = transition.actorId === mentee.id ? [mentee, mentor] : [mentor, mentee];
    const facts = {
      mentorshipId: mentorship.id,
      actorName: actor.displayName,
      at: transition.at,
      reason: transition.reason,
    };
    const message = mentorshipFinished(facts, other, transition.to === MentorshipStatus.ENDED);
    await this.dispatcher.deliver(other, message, `${job.eventId}:${other.id}`);
  }
}
