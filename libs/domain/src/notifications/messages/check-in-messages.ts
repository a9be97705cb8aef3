import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

/** To each participant of a held session: how was it? */
export function checkInRequested(
  facts: { sessionId: string; otherNames: readonly string[]; startedAt: Date },
  to: Recipient,
): NotificationMessage {
  const title = 'How was your session? Check in';
  const lines = [
    `Your session with ${facts.otherNames.join(', ')} on ${localTime(facts.startedAt, to.timeZone)} is done.`,
    'Tell them how useful it was and what comes next. You will see their check-in once you have sent yours.',
  ];
  return {
    kind: NotificationKind.CHECK_IN_REQUESTED,
    title,
    body: lines[0] ?? title,
    link: `/sessions/${facts.sessionId}`,
    email: { subject: title, lines },
  };
}

/** To both participants, when their mentorship stalls. */
export function mentorshipStalled(facts: { mentorshipId: string; otherName: string }): NotificationMessage {
  const title = `Your mentorship with ${facts.otherName} has stalled`;
  const lines = [
    'Sessions have lapsed and there is little sign of progress lately.',
    'Book a session, check in, or update your goals to get going again; or talk about whether to wrap up.',
  ];
  return {
    kind: NotificationKind.MENTORSHIP_STALLED,
    title,
    body: lines[0] ?? title,
    link: `/mentorships/${facts.mentorshipId}`,
    email: { subject: title, lines },
  };
}
