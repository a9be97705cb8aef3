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
  'mentorship_group.membership_changed': { groupId: string; userId: string; joined: boolean };
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
  /** A matching round was published, once for the whole round (its pairs have program_match.published each). */
  'program_round.published': { programId: string; roundId: string };
  /** A webhook was turned off after its deliveries failed for days; its owner is told. */
  'webhook.disabled': { webhookId: string };
  /** Its owner asked for one delivery again; the webhook's sender picks up the new row. */
  'webhook.redelivery_requested': { webhookId: string; deliveryId: string };
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
  /** turns domain events into per-webhook delivery rows, in event order, consumed by apps/worker */
  webhooks: 'webhooks',
  /** sends each webhook's deliveries in order (one sender per webhook at a time), consumed by apps/worker */
  webhookDeliveries: 'webhook-deliveries',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Jobs a consumer of each queue runs at once (8 unless listed). The webhooks fan-out reads
 * many events at once but writes their rows in the order it took them, in groups (the
 * domain's WebhookFanoutService), so its concurrency is also its largest group.
 */
export const QUEUE_CONCURRENCY: { readonly [Q in QueueName]?: number } = {
  [QUEUES.webhooks]: 16,
};

/**
 * Which queues receive each event; one job per queue, with the event id as job id.
 * An event routed to `webhooks` needs its entry in the domain's WEBHOOK_EVENT_SOURCES
 * (the compiler asks for it).
 */
export const EVENT_ROUTES = {
  'user.signed_up': [QUEUES.notifications],
  'mentor_profile.changed': [QUEUES.searchSync],
  'mentorship_request.transitioned': [QUEUES.notifications, QUEUES.lifecycle, QUEUES.webhooks],
  'mentorship.transitioned': [QUEUES.notifications, QUEUES.webhooks],
  'mentor_profile.capacity_reached': [QUEUES.notifications],
  // The lifecycle queue arms the reveal timer of a new review; the feedback queue recomputes ratings.
  'review.transitioned': [QUEUES.notifications, QUEUES.lifecycle, QUEUES.feedback, QUEUES.webhooks],
  'mentorship.stalled': [QUEUES.notifications],
  'mentorship_group.transitioned': [QUEUES.notifications],
  'mentorship_group.membership_changed': [QUEUES.lifecycle, QUEUES.webhooks],
  // The lifecycle queue arms the reminders of a session at its (new) time.
  'session.booked': [QUEUES.notifications, QUEUES.lifecycle, QUEUES.webhooks],
  'session.rescheduled': [QUEUES.notifications, QUEUES.lifecycle, QUEUES.webhooks],
  'session.cancelled': [QUEUES.notifications, QUEUES.webhooks],
  // The feedback queue asks each participant for a check-in.
  'session.completed': [QUEUES.notifications, QUEUES.feedback, QUEUES.webhooks],
  'session.no_show': [QUEUES.notifications, QUEUES.webhooks],
  // Kept in the outbox for the record; nobody needs telling yet.
  'program.transitioned': [],
  'program_match.published': [QUEUES.notifications],
  'program_round.published': [QUEUES.webhooks],
  'webhook.disabled': [QUEUES.notifications],
  'webhook.redelivery_requested': [QUEUES.webhookDeliveries],
} as const satisfies { readonly [T in EventType]: readonly QueueName[] };

/** The events some queue receives, as a type: e.g. everything routed to `webhooks`. */
export type EventsRoutedTo<Q extends QueueName> = {
  [T in EventType]: Q extends (typeof EVENT_ROUTES)[T][number] ? T : never;
}[EventType];

/** The same, as a list, for consumers that take every event of a queue. */
export function eventsRoutedTo<Q extends QueueName>(queue: Q): Array<EventsRoutedTo<Q>> {
  return (Object.keys(EVENT_ROUTES) as EventType[]).filter((type) =>
    (EVENT_ROUTES[type] as readonly QueueName[]).includes(queue),
  ) as Array<EventsRoutedTo<Q>>;
}

/** What a consumer receives: the outbox row's identity plus its typed payload. */
export interface EventJob<T extends EventType = EventType> {
  /** The outbox row's uid: unique across database rebuilds, so safe for dedupe keys. */
  eventId: string;
  /** The outbox row's id: the order events were written, for consumers that keep it. */
  sequence: number;
  type: T;
  occurredAt: string;
  payload: EventPayloads[T];
}

/** Every (queue, event) pair some consumer must handle exactly once. */
export function declaredJobs(queues: readonly QueueName[]): Array<{ queue: QueueName; name: EventType }> {
  return (Object.keys(EVENT_ROUTES) as EventType[]).flatMap((name) =>
    (EVENT_ROUTES[name] as readonly QueueName[])
      .filter((queue) => queues.includes(queue))
      .map((queue) => ({ queue, name })),
  );
}

/** The job id of an event on any queue: BullMQ ignores a second add of the same id. */
export function jobIdForEvent(eventId: string): string {
  return `event-${eventId}`;
}
