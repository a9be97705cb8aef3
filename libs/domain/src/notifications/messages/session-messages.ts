import type { MailAttachment } from '@app/platform';
import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

/** What a session message may mention, gathered from the session and its people. */
export interface SessionFacts {
  sessionId: string;
  startsAt: Date;
  /** Who did it; null when the system did. */
  actorName: string | null;
  /** The names of the recipient's counterparts in the session. */
  withNames: readonly string[];
  meetingUrl: string;
  agenda: string | null;
  cancelReason: string | null;
  lateCancellation: boolean;
}

const sessionLink = (facts: SessionFacts): string => `/sessions/${facts.sessionId}`;
const withWhom = (facts: SessionFacts): string => facts.withNames.join(', ') || 'your mentoring partner';
const agendaLines = (facts: SessionFacts): string[] => (facts.agenda ? ['', 'Agenda:', `  ${facts.agenda}`] : []);

/** The .ics invitation that booking and reschedule emails carry. */
export function inviteAttachment(ics: string): MailAttachment {
  return { filename: 'session.ics', content: ics, contentType: 'text/calendar; charset=utf-8' };
}

function message(
  kind: NotificationKind,
  title: string,
  body: string,
  facts: SessionFacts,
  lines: readonly string[],
  attachments?: readonly MailAttachment[],
): NotificationMessage {
  return { kind, title, body, link: sessionLink(facts), email: { subject: title, lines, attachments } };
}

/**
 * To every participant when a session is booked or moved, with its .ics invitation: the one
 * who did it gets a confirmation, the others learn who did it.
 */
export function sessionInvitation(
  facts: SessionFacts,
  to: Recipient,
  change: { moved: boolean; byRecipient: boolean; ics: string },
): NotificationMessage {
  const when = localTime(facts.startsAt, to.timeZone);
  const title = change.moved
    ? change.byRecipient
      ? `Session moved to ${when}`
      : `${facts.actorName} moved your session`
    : change.byRecipient
      ? `Session booked with ${withWhom(facts)}`
      : `${facts.actorName} booked a session with you`;
  const line = change.moved
    ? `Your session with ${withWhom(facts)} now takes place on ${when}.`
    : `Your session with ${withWhom(facts)} is on ${when}.`;
  return message(
    change.moved ? NotificationKind.SESSION_RESCHEDULED : NotificationKind.SESSION_BOOKED,
    title,
    `${when}. Join: ${facts.meetingUrl}`,
    facts,
    [line, `Join it at ${facts.meetingUrl}`, ...agendaLines(facts)],
    [inviteAttachment(change.ics)],
  );
}

/** To the other participants; a late cancellation says so. */
export function sessionCancelled(facts: SessionFacts, to: Recipient): NotificationMessage {
  const when = localTime(facts.startsAt, to.timeZone);
  const late = facts.lateCancellation ? ' (less than 24 hours before it)' : '';
  const title = `${facts.actorName} cancelled your session`;
  return message(NotificationKind.SESSION_CANCELLED, title, `The session on ${when} is off${late}.`, facts, [
    `${facts.actorName} cancelled your session on ${when}${late}.`,
    ...(facts.cancelReason ? ['', 'Reason:', `  "${facts.cancelReason}"`] : []),
  ]);
}

/** To the participant reported absent. */
export function sessionNoShow(facts: SessionFacts, to: Recipient): NotificationMessage {
  const when = localTime(facts.startsAt, to.timeZone);
  const title = `${facts.actorName} reported that you missed a session`;
  return message(NotificationKind.SESSION_NO_SHOW, title, `The session on ${when} was marked as missed.`, facts, [
    `${facts.actorName} reported that you did not join the session on ${when}.`,
    'If that is wrong, talk to them about it.',
  ]);
}

/** To every participant, a day or an hour before the start, in their own zone. */
export function sessionReminder(facts: SessionFacts, to: Recipient, soon: boolean): NotificationMessage {
  const when = localTime(facts.startsAt, to.timeZone);
  const title = soon ? `Your session starts in an hour` : `Your session is tomorrow`;
  return message(
    NotificationKind.SESSION_REMINDER,
    title,
    `With ${withWhom(facts)} on ${when}. Join: ${facts.meetingUrl}`,
    facts,
    [`Your session with ${withWhom(facts)} is on ${when}.`, `Join it at ${facts.meetingUrl}`, ...agendaLines(facts)],
  );
}

export interface CadenceFacts {
  mentorshipId: string;
  partnerName: string;
  cadenceDays: number;
}

/** To both sides of a mentorship that let its cadence lapse. */
export function cadenceNudge(facts: CadenceFacts): NotificationMessage {
  const title = `Time to book your next session with ${facts.partnerName}`;
  const line = `You agreed to meet about every ${facts.cadenceDays} days, and no session is booked around now.`;
  return {
    kind: NotificationKind.CADENCE_NUDGE,
    title,
    body: line,
    link: `/mentorships/${facts.mentorshipId}`,
    email: { subject: title, lines: [line, 'Pick a time from the available slots to keep the momentum going.'] },
  };
}
