/**
 * Domain events written to the outbox and the queues they fan out to.
 * Event type strings are persisted and used as job names: never rename one.
 * Payloads carry ids only; consumers re-read current state.
 */
export interface EventPayloads {
  'user.signed_up': { userId: string };
  /** Anything search shows changed: publish, pause, edit, rating, capacity. `version` orders them. */
  'mentor_profile.changed': { profileId: string; version: number };
  /** A request was created or moved between states; the transition row says which. */
  'mentorship_request.transitioned': { requestId: string; transitionId: string };
  /** A mentorship was created or moved between states; the transition row says which. */
  'mentorship.transitioned': { mentorshipId: string; transitionId: string };
  /** A mentor's last free place was taken; their other pending mentees are told. */
  'mentor_profile.capacity_reached': { profileId: string };
  /** A review was written, revealed, hidden or restored; the transition row says which. */
  'review.transitioned': { reviewId: string; transitionId: string };
  /** A mentorship's health turned STALLED; both participants are told. */
  'mentorship.stalled': { mentorshipId: string };
  /** A group or circle was created or moved between OPEN, FULL and CLOSED; the transition row says which. */
  'mentorship_group.transitioned': { groupId: string; transitionId: string };
  /** Someone joined or left a group; their place in its future sessions follows. */
  'mentorship_group.membership_changed': { groupId: string; userId: string };
  /** A session was booked; the transition row says by whom. */
  'session.booked': SessionTransitionPayload;
  /** A session moved to another time; its version and reschedule count went up. */
  'session.rescheduled': SessionTransitionPayload;
  'session.cancelled': SessionTransitionPayload;
  /** A participant or the completion sweep marked a session held. */
  'session.completed': SessionTransitionPayload;
  /** A participant reported that another did not come. */
  'session.no_show': SessionTransitionPayload;
  /** A program moved between statuses; the transition row says which. */
  'program.transitioned': { programId: string; transitionId: string };
  /** A published matching round made this mentorship; both sides are told why they were paired. */
  'program_match.published': { roundId: string; mentorshipId: string };
}

/** Every session event names the session and the transition row that records it. */
export interface SessionTransitionPayload {
  sessionId: string;
  transitionId: string;
}

export type EventType = keyof EventPayloads;

export const QUEUES = {
  /** search-index sync, consumed by apps/indexer */
  searchSync: 'search-sync',
  /** in-app notifications and mail, consumed by apps/worker */
  notifications: 'notifications',
  /** timers and sweeps (request expiry, session reminders and completion, cadence nudges), consumed by apps/worker */
  lifecycle: 'lifecycle',
  /** rating aggregates (and check-in requests), consumed by apps/worker */
  feedback: 'feedback',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Which queues receive each event; one job per queue, with the event id as job id. */
export const EVENT_ROUTES: { readonly [T in EventType]: readonly QueueName[] } = {
  'user.signed_up': [QUEUES.notifications],
  'mentor_profile.changed': [QUEUES.searchSync],
  'mentorship_request.transitioned': [QUEUES.notifications, QUEUES.lifecycle],
  'mentorship.transitioned': [QUEUES.notifications],
  'mentor_profile.capacity_reached': [QUEUES.notifications],
  // The lifecycle queue arms the reveal timer of a new review; the feedback queue recomputes ratings.
  'review.transitioned': [QUEUES.notifications, QUEUES.lifecycle, QUEUES.feedback],
  'mentorship.stalled': [QUEUES.notifications],
  'mentorship_group.transitioned': [QUEUES.notifications],
  'mentorship_group.membership_changed': [QUEUES.lifecycle],
  // The lifecycle queue arms the reminders of a session at its (new) time.
  'session.booked': [QUEUES.notifications, QUEUES.lifecycle],
  'session.rescheduled': [QUEUES.notifications, QUEUES.lifecycle],
  'session.cancelled': [QUEUES.notifications],
  // The feedback queue asks each participant for a check-in.
  'session.completed': [QUEUES.notifications, QUEUES.feedback],
  'session.no_show': [QUEUES.notifications],
  // Kept in the outbox for the record; nobody needs telling yet.
  'program.transitioned': [],
  'program_match.published': [QUEUES.notifications],
};

/** What a consumer receives: the outbox row's identity plus its typed payload. */
export interface EventJob<T extends EventType = EventType> {
  /** The outbox row's uid: unique across database rebuilds, so safe for dedupe keys. */
  eventId: string;
  type: T;
  occurredAt: string;
  payload: EventPayloads[T];
}

/** Every (queue, event) pair some consumer must handle exactly once. */
export function declaredJobs(queues: readonly QueueName[]): Array<{ queue: QueueName; name: EventType }> {
  return (Object.keys(EVENT_ROUTES) as EventType[]).flatMap((name) =>
    EVENT_ROUTES[name].filter((queue) => queues.includes(queue)).map((queue) => ({ queue, name })),
  );
}

/** The job id of an event on any queue: BullMQ ignores a second add of the same id. */
export function jobIdForEvent(eventId: string): string {
  return `event-${eventId}`;
}
