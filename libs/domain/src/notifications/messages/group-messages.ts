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

/** Group messages are one line, in the inbox and in the email alike, linking to the group. */
function groupMessage(kind: NotificationKind, title: string, line: string, facts: GroupFacts): NotificationMessage {
  return { kind, title, body: line, link: `/groups/${facts.groupId}`, email: { subject: title, lines: [line] } };
}

/** To the host and every member: the last seat was taken. */
export function groupFull(facts: GroupFacts, isHost: boolean): NotificationMessage {
  const title = `${facts.title} is full`;
  const line = isHost
    ? `Every one of the ${facts.capacity} seats of ${facts.title} is taken; it no longer shows in open listings.`
    : `${facts.title} now has all ${facts.capacity} members. ${facts.hostName} will book your first sessions.`;
  return groupMessage(NotificationKind.GROUP_FULL, title, line, facts);
}

/** To every member: the host closed the group. */
export function groupClosed(facts: GroupFacts, to: Recipient): NotificationMessage {
  const when = localTime(facts.at, to.timeZone);
  const title = `${facts.hostName} closed ${facts.title}`;
  const line = `${facts.hostName} closed ${facts.title} on ${when}. Thank you for taking part.`;
  return groupMessage(NotificationKind.GROUP_CLOSED, title, line, facts);
}

/** To a mentee whose request to join is still pending: the group filled, or was closed. */
export function groupUnavailable(
  facts: GroupFacts,
  closed: boolean,
  pendingUntil: Date,
  to: Recipient,
): NotificationMessage {
  const until = localTime(pendingUntil, to.timeZone);
  const line = closed
    ? `${facts.hostName} closed ${facts.title}, so your request to join it can no longer be accepted.`
    : `${facts.title} has no free seat right now; your request stays pending until ${until}, in case one opens.`;
  return groupMessage(
    closed ? NotificationKind.GROUP_CLOSED : NotificationKind.GROUP_FULL,
    closed ? `${facts.title} was closed` : `${facts.title} is full for now`,
    line,
    facts,
  );
}
