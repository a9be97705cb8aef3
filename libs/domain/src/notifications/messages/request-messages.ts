import { NotificationKind } from '../notification-types.js';
import { localTime } from './local-time.js';
import type { NotificationMessage, Recipient } from './message.js';

/** What a request message may mention, gathered by the consumer from the request and its people. */
export interface RequestFacts {
  requestId: string;
  menteeName: string;
  mentorName: string;
  goals: readonly string[];
  format: string;
  cadence: string;
  durationWeeks: number;
  expiresAt: Date;
  declineReason: string | null;
  responseMessage: string | null;
  mentorshipId: string | null;
  /** The group or circle a join request asks for. */
  group: { id: string; title: string } | null;
}

const DECLINE_REASONS: Record<string, string> = {
  NO_CAPACITY: 'they have no capacity right now',
  NOT_A_FIT: 'they do not think they are the right fit',
  SCHEDULE: 'their schedule does not allow it',
  OTHER: 'another reason',
};

const FORMATS: Record<string, string> = {
  ONE_ON_ONE: 'one-on-one',
  GROUP: 'group',
  PEER: 'peer',
  REVERSE: 'reverse',
  CIRCLE: 'circle',
};
const CADENCES: Record<string, string> = {
  WEEKLY: 'weekly',
  BIWEEKLY: 'every two weeks',
  MONTHLY: 'monthly',
  AD_HOC: 'when needed',
};
const arrangement = (facts: RequestFacts): string =>
  `${FORMATS[facts.format] ?? facts.format}, ${CADENCES[facts.cadence] ?? facts.cadence}, for ${facts.durationWeeks} weeks`;

const goalLines = (facts: RequestFacts): string[] => facts.goals.map((goal) => `  - ${goal}`);
const quoted = (message: string | null): string[] => (message ? ['', 'Their message:', `  "${message}"`] : []);
const requestLink = (facts: RequestFacts): string => `/requests/${facts.requestId}`;

function message(
  kind: NotificationKind,
  recipient: Recipient,
  title: string,
  body: string,
  link: string,
  lines: readonly string[],
): NotificationMessage {
  return { kind, title, body, link, email: { subject: title, lines } };
}

/** To the mentor: someone asks them, and by when to answer. */
export function requestReceived(facts: RequestFacts, to: Recipient): NotificationMessage {
  const due = localTime(facts.expiresAt, to.timeZone);
  return message(
    NotificationKind.REQUEST_RECEIVED,
    to,
    facts.group
      ? `${facts.menteeName} asks to join ${facts.group.title}`
      : `${facts.menteeName} asks you to mentor them`,
    `${facts.goals.length} goal(s); ${arrangement(facts)}. Answer by ${due}.`,
    requestLink(facts),
    [
      `${facts.menteeName} would like you as their mentor (${arrangement(facts)}).`,
      'Their goals:',
      ...goalLines(facts),
      '',
      `Please accept or decline by ${due}; after that the request expires.`,
    ],
  );
}

export function requestAccepted(facts: RequestFacts, to: Recipient): NotificationMessage {
  if (facts.group) {
    return message(
      NotificationKind.REQUEST_ACCEPTED,
      to,
      `${facts.mentorName} accepted you into ${facts.group.title}`,
      `You are now a member of ${facts.group.title}.`,
      `/groups/${facts.group.id}`,
      [`${facts.mentorName} accepted your request to join ${facts.group.title}.`, ...quoted(facts.responseMessage)],
    );
  }
  const link = facts.mentorshipId ? `/mentorships/${facts.mentorshipId}` : requestLink(facts);
  return message(
    NotificationKind.REQUEST_ACCEPTED,
    to,
    `${facts.mentorName} accepted your request`,
    `Your mentorship with ${facts.mentorName} has started.`,
    link,
    [
      `${facts.mentorName} accepted your mentorship request. Your mentorship has started.`,
      ...quoted(facts.responseMessage),
    ],
  );
}

export function requestDeclined(facts: RequestFacts, to: Recipient): NotificationMessage {
  const why = DECLINE_REASONS[facts.declineReason ?? 'OTHER'] ?? DECLINE_REASONS.OTHER;
  return message(
    NotificationKind.REQUEST_DECLINED,
    to,
    `${facts.mentorName} declined your request`,
    `${facts.mentorName} declined: ${why}.`,
    requestLink(facts),
    [
      `${facts.mentorName} declined your mentorship request because ${why}.`,
      ...quoted(facts.responseMessage),
      '',
      'Other mentors may be a better match; search again any time.',
    ],
  );
}

export function requestWithdrawn(facts: RequestFacts, to: Recipient): NotificationMessage {
  return message(
    NotificationKind.REQUEST_WITHDRAWN,
    to,
    `${facts.menteeName} withdrew their request`,
    `${facts.menteeName} no longer needs an answer.`,
    requestLink(facts),
    [`${facts.menteeName} withdrew their mentorship request; there is nothing left for you to do.`],
  );
}

export function requestExpired(facts: RequestFacts, to: Recipient, toMentor: boolean): NotificationMessage {
  const when = localTime(facts.expiresAt, to.timeZone);
  const line = toMentor
    ? `The request from ${facts.menteeName} expired unanswered on ${when}.`
    : `Your request to ${facts.mentorName} expired unanswered on ${when}. You can ask another mentor.`;
  return message(NotificationKind.REQUEST_EXPIRED, to, 'A mentorship request expired', line, requestLink(facts), [
    line,
  ]);
}

/** To a mentee still waiting on a mentor who just became full. */
export function mentorFull(facts: RequestFacts, to: Recipient): NotificationMessage {
  const until = localTime(facts.expiresAt, to.timeZone);
  return message(
    NotificationKind.MENTOR_FULL,
    to,
    `${facts.mentorName} is full for now`,
    `${facts.mentorName} has no free place; your request stays pending until ${until}.`,
    requestLink(facts),
    [
      `${facts.mentorName} has just taken on their last mentee and has no free place right now.`,
      `Your request stays pending until ${until}, in case a place opens; you may also withdraw it and ask someone else.`,
    ],
  );
}
