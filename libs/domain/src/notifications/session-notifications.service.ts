import { Injectable } from '@nestjs/common';
import { LivePublisher, type EventJob, type ScheduledJobPayloads, type SessionTransitionPayload } from '@app/platform';
import { AccountsService } from '../accounts/accounts.service.js';
import {
  CalendarFeedService,
  SessionCadenceService,
  SessionQueriesService,
  SessionRemindersService,
  SessionStatus,
  type MentoringSession,
  type SessionTransition,
} from '../scheduling/index.js';
import type { NotificationMessage, Recipient } from './messages/message.js';
import {
  cadenceNudge,
  sessionCancelled,
  sessionInvitation,
  sessionNoShow,
  sessionReminder,
  type SessionFacts,
} from './messages/session-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

type SessionEventJob = EventJob<
  'session.booked' | 'session.rescheduled' | 'session.cancelled' | 'session.completed' | 'session.no_show'
>;

/**
 * Who hears what about sessions. Bookings and reschedules go to every participant, with an
 * .ics invitation (the actor gets a confirmation); a cancellation to everyone but the one who
 * cancelled; a no-show to the person reported absent; a completion to nobody. Every move is
 * pushed to every participant's open `sessionChanged` subscriptions.
 */
@Injectable()
export class SessionNotificationsService {
  constructor(
    private readonly sessions: SessionQueriesService,
    private readonly reminders: SessionRemindersService,
    private readonly cadence: SessionCadenceService,
    private readonly calendar: CalendarFeedService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
    private readonly live: LivePublisher,
  ) {}

  async announce(job: SessionEventJob): Promise<void> {
    const payload: SessionTransitionPayload = job.payload;
    const [transition, session] = await Promise.all([
      this.sessions.findTransition(payload.transitionId),
      this.sessions.findById(payload.sessionId),
    ]);
    if (!transition || !session) return;
    const people = await this.people(session);
    for (const recipient of people.values()) {
      const message = await this.messageFor(job.type, transition, session, recipient, people);
      if (message) await this.dispatcher.deliver(recipient, message, `${job.eventId}:${recipient.id}`);
    }
    for (const userId of session.participantIds) await this.live.publish('sessions', userId, { sessionId: session.id });
  }

  /** A reminder went off: every participant hears, unless a reschedule or cancel made it stale. */
  async remind(reminder: ScheduledJobPayloads['session.remind']): Promise<void> {
    const session = await this.reminders.due(reminder);
    if (!session) return;
    const people = await this.people(session);
    for (const recipient of people.values()) {
      const message = sessionReminder(
        this.facts(session, recipient, people, null),
        recipient,
        reminder.lead === 'HOUR',
      );
      const key = `session-reminder:${session.id}:v${session.version}:${reminder.lead}:${recipient.id}`;
      await this.dispatcher.deliver(recipient, message, key);
    }
  }

  /** Both sides of every mentorship that let its cadence lapse, once per cadence window. */
  async nudgeLapsedCadences(): Promise<void> {
    for (const { mentorship, cadenceDays, window } of await this.cadence.lapsed()) {
      const [mentee, mentor] = await this.accounts.findByIds([mentorship.menteeId, mentorship.mentorUserId]);
      if (!mentee || !mentor) continue;
      for (const [recipient, partner] of [
        [mentee, mentor],
        [mentor, mentee],
      ] as const) {
        const message = cadenceNudge({ mentorshipId: mentorship.id, partnerName: partner.displayName, cadenceDays });
        await this.dispatcher.deliver(recipient, message, `cadence-nudge:${mentorship.id}:${window}:${recipient.id}`);
      }
    }
  }

  private async messageFor(
    type: SessionEventJob['type'],
    transition: SessionTransition,
    session: MentoringSession,
    recipient: Recipient,
    people: ReadonlyMap<string, Recipient>,
  ): Promise<NotificationMessage | null> {
    const facts = this.facts(session, recipient, people, transition.actorId);
    const byRecipient = transition.actorId === recipient.id;
    switch (type) {
      case 'session.booked':
      case 'session.rescheduled': {
        // A later move already superseded this one; its own event tells the current time.
        if (session.status !== SessionStatus.SCHEDULED) return null;
        const ics = await this.calendar.invite(recipient.id, session);
        return sessionInvitation(facts, recipient, { moved: type === 'session.rescheduled', byRecipient, ics });
      }
      case 'session.cancelled':
        return byRecipient ? null : sessionCancelled(facts, recipient);
      case 'session.no_show':
        return session.noShowIds.includes(recipient.id) ? sessionNoShow(facts, recipient) : null;
      case 'session.completed':
        return null;
    }
  }

  private facts(
    session: MentoringSession,
    recipient: Recipient,
    people: ReadonlyMap<string, Recipient>,
    actorId: string | null,
  ): SessionFacts {
    return {
      sessionId: session.id,
      startsAt: session.startsAt,
      actorName: actorId ? (people.get(actorId)?.displayName ?? null) : null,
      withNames: session.participantIds
        .filter((id) => id !== recipient.id)
        .flatMap((id) => people.get(id)?.displayName ?? []),
      meetingUrl: session.meetingUrl,
      agenda: session.agenda,
      cancelReason: session.cancelReason,
      lateCancellation: session.lateCancellation,
    };
  }

  /** The session's participants as recipients, in position order (the host first). */
  private async people(session: MentoringSession): Promise<Map<string, Recipient>> {
    const users = await this.accounts.findByIds(session.participantIds);
    return new Map(users.flatMap((user) => (user ? [[user.id, user] as const] : [])));
  }
}
