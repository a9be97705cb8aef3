import { NotificationKind } from '../notification-types.js';
import type { NotificationMessage } from './message.js';

export interface ProgramNudgeFacts {
  mentorshipId: string;
  programName: string;
  partnerName: string;
  checkInEveryDays: number;
  /** The session held in the window that still wants the recipient's check-in; null when the pair did not meet. */
  sessionId: string | null;
}

/** To a participant who let the program's rhythm lapse: meet, or check in on the meeting held. */
export function programNudge(facts: ProgramNudgeFacts): NotificationMessage {
  const rhythm = `${facts.programName} asks you to meet and check in every ${facts.checkInEveryDays} days.`;
  const { title, line, link, ask } =
    facts.sessionId === null
      ? {
          title: `Time to meet ${facts.partnerName}`,
          line: `You and ${facts.partnerName} held no session in the last ${facts.checkInEveryDays} days, and none is booked.`,
          link: `/mentorships/${facts.mentorshipId}`,
          ask: 'Book a session from the available slots, and check in after it.',
        }
      : {
          title: `Check in on your session with ${facts.partnerName}`,
          line: `You met ${facts.partnerName} but have not checked in yet.`,
          link: `/sessions/${facts.sessionId}`,
          ask: 'Say how useful the session was and what comes next; it takes a minute.',
        };
  return {
    kind: NotificationKind.PROGRAM_NUDGE,
    title,
    body: `${line} ${rhythm}`,
    link,
    email: { subject: title, lines: [line, rhythm, ask] },
  };
}
