import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

/** What a review message may mention. */
export interface ReviewFacts {
  mentorshipId: string;
  authorName: string;
  rating: number;
  revealDueAt: Date;
  reason: string | null;
}

const link = (facts: ReviewFacts): string => `/mentorships/${facts.mentorshipId}`;

function message(kind: NotificationKind, facts: ReviewFacts, title: string, lines: string[]): NotificationMessage {
  return { kind, title, body: lines[0] ?? title, link: link(facts), email: { subject: title, lines } };
}

/** To the reviewed side, while the review is blind: their own review is what reveals both. */
export function reviewReceived(facts: ReviewFacts, to: Recipient): NotificationMessage {
  return message(NotificationKind.REVIEW_RECEIVED, facts, `${facts.authorName} reviewed your mentorship`, [
    `Write your review too: both are revealed once you have, or on ${localTime(facts.revealDueAt, to.timeZone)}.`,
  ]);
}

/** To the reviewed side, once the review can be read. */
export function reviewRevealed(facts: ReviewFacts): NotificationMessage {
  return message(NotificationKind.REVIEW_REVEALED, facts, `${facts.authorName}'s review is revealed`, [
    `${facts.authorName} rated your mentorship ${facts.rating} out of 5.`,
  ]);
}

/** To the author, when a moderator hid or restored their review. */
export function reviewModerated(facts: ReviewFacts, hidden: boolean): NotificationMessage {
  const title = hidden ? 'A moderator hid your review' : 'Your review is visible again';
  return message(NotificationKind.REVIEW_MODERATED, facts, title, [
    hidden ? 'Your review no longer shows and no longer counts.' : 'A moderator restored your review.',
    ...(facts.reason ? ['', 'Reason:', `  "${facts.reason}"`] : []),
  ]);
}
