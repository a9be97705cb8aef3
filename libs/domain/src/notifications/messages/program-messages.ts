import { NotificationKind } from '../notification-types.js';
import type { NotificationMessage, Recipient } from './message.js';

export interface ProgramMatchFacts {
  mentorshipId: string;
  programName: string;
  score: number;
  reasons: readonly string[];
}

/** To each side of a published program match: who, in which program, and why them. */
export function programMatched(
  facts: ProgramMatchFacts,
  to: Recipient,
  other: { displayName: string },
  asMentor: boolean,
): NotificationMessage {
  const title = asMentor
    ? `You will mentor ${other.displayName} in ${facts.programName}`
    : `${other.displayName} will mentor you in ${facts.programName}`;
  return {
    kind: NotificationKind.PROGRAM_MATCHED,
    title,
    body: `Matched with a compatibility of ${facts.score}/100: ${facts.reasons.join('; ')}`,
    link: `/mentorships/${facts.mentorshipId}`,
    email: {
      subject: title,
      lines: [
        `${facts.programName} matched you with ${other.displayName} (compatibility ${facts.score}/100).`,
        '',
        'Why you two:',
        ...facts.reasons.map((reason) => `  - ${reason}`),
        '',
        asMentor ? 'Say hello and book your first session.' : 'Say hello and tell your mentor what you hope for.',
      ],
    },
  };
}
