import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { SessionStatus } from '../scheduling/session-lifecycle.js';
import { SessionQueriesService } from '../scheduling/session-queries.service.js';
import { checkInRequested, mentorshipStalled } from './messages/check-in-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

@Injectable()
export class CheckInNotificationsService {
  constructor(
    private readonly sessions: SessionQueriesService,
    private readonly mentorships: MentorshipQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /**
   * Asks every participant of a held session for a check-in: one request per session and
   * person (the key names the session, not the event), so nobody is asked twice.
   */
  async askAfter(sessionId: string): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (session?.status !== SessionStatus.COMPLETED) return;
    const people = (await this.accounts.findByIds(session.participantIds)).filter((user) => user !== null);
    for (const person of people) {
      const others = people.filter((other) => other.id !== person.id).map((other) => other.displayName);
      const message = checkInRequested({ sessionId, otherNames: others, startedAt: session.startsAt }, person);
      await this.dispatcher.deliver(person, message, `check-in-request:${sessionId}:${person.id}`);
    }
  }

  /** Both participants hear that their mentorship stalled; the event is emitted once per stall. */
  async stalled(eventId: string, mentorshipId: string): Promise<void> {
    const mentorship = await this.mentorships.findById(mentorshipId);
    if (!mentorship) return;
    const [mentee, mentor] = await this.accounts.findByIds([mentorship.menteeId, mentorship.mentorUserId]);
    if (!mentee || !mentor) return;
    for (const [to, other] of [
      [mentee, mentor],
      [mentor, mentee],
    ] as const) {
      await this.dispatcher.deliver(
        to,
        mentorshipStalled({ mentorshipId, otherName: other.displayName }),
        `${eventId}:${to.id}`,
      );
    }
  }
}
