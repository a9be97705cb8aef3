import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

export interface MentorshipFacts {
  mentorshipId: string;
  /** The participant who finished it. */
  actorName: string;
  at: Date;
  reason: string | null;
}

/** To the other participant: the mentorship was completed or ended. */
export function mentorshipFinished(facts: MentorshipFacts, to: Recipient, ended: boolean): NotificationMessage {
  const when = localTime(facts.at, to.timeZone);
  const title = ended ? `${facts.actorName} ended your mentorship` : `${facts.actorName} completed your mentorship`;
  const body = ended ? `Ended on ${when}: ${facts.reason ?? ''}` : `Completed on ${when}.`;
  const link = `/mentorships/${facts.mentorshipId}`;
  const lines = [
    ended
      ? `${facts.actorName} ended your mentorship on ${when}.`
      : `${facts.actorName} marked your mentorship complete on ${when}. Well done!`,
    ...(facts.reason ? ['', ended ? 'Reason:' : 'Note:', `  "${facts.reason}"`] : []),
  ];
  return {
    kind: ended ? NotificationKind.MENTORSHIP_ENDED : NotificationKind.MENTORSHIP_COMPLETED,
    title,
    body,
    link,
    email: { subject: title, lines },
  };
}
