import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { mentorshipFinished } from './messages/mentorship-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

@Injectable()
export class MentorshipNotificationsService {
  constructor(
    private readonly mentorships: MentorshipQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /**
   * Tells the other participant that a mentorship finished. Its start needs no message
   * of its own: the mentee is told by the accepted request, and the mentor accepted it.
   */
  async transitioned(eventId: string, transitionId: string): Promise<void> {
    const transition = await this.mentorships.findTransition(transitionId);
    if (!transition || transition.to === MentorshipStatus.ACTIVE) return;
    const mentorship = await this.mentorships.findById(transition.subjectId);
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
    await this.dispatcher.deliver(other, message, `${eventId}:${other.id}`);
  }
}
