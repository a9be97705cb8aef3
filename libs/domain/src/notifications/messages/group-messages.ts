import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

export interface GroupFacts {
  groupId: string;
  title: string;
  hostName: string;
  capacity: number;
  at: Date;
}

const groupLink = (facts: GroupFacts): string => `/groups/${facts.groupId}`;

/** To the host and every member: the last seat was taken. */
export function groupFull(facts: GroupFacts, to: Recipient, isHost: boolean): NotificationMessage {
  const title = `${facts.title} is full`;
  const line = isHost
    ? `Every one of the ${facts.capacity} seats of ${facts.title} is taken; it no longer shows in open listings.`
    : `${facts.title} now has all ${facts.capacity} members. ${facts.hostName} will book your first sessions.`;
  return {
    kind: NotificationKind.GROUP_FULL,
    title,
    body: line,
    link: groupLink(facts),
    email: { subject: title, lines: [line] },
  };
}

/** To every member: the host closed the group. */
export function groupClosed(facts: GroupFacts, to: Recipient): NotificationMessage {
  const when = localTime(facts.at, to.timeZone);
  const title = `${facts.hostName} closed ${facts.title}`;
  const line = `${facts.hostName} closed ${facts.title} on ${when}. Thank you for taking part.`;
  return {
    kind: NotificationKind.GROUP_CLOSED,
    title,
    body: line,
    link: groupLink(facts),
    email: { subject: title, lines: [line] },
  };
}
