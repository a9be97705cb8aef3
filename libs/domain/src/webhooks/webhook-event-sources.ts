import type { EventPayloads, EventsRoutedTo, QUEUES } from '@app/platform';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { RequestStatus } from '../requests/request-terms.js';
import { ReviewVisibility } from '../feedback/review.js';
import { WebhookEvent } from './webhook-event.js';
import type { WebhookSubject, WebhookViewsService } from './webhook-views.service.js';

/** Every outbox event routed to the webhooks queue (EVENT_ROUTES in libs/platform/src/queue/events.ts). */
export type WebhookSourceEvent = EventsRoutedTo<typeof QUEUES.webhooks>;

/** One outbox event as webhooks see it: which WebhookEvent, who hears of it, and what each receives. */
export interface WebhookOccurrence extends WebhookSubject {
  event: WebhookEvent;
}

/** Reads what an outbox event means for webhooks; null when it means nothing to them. */
export type WebhookEventSource<T extends WebhookSourceEvent> = (
  payload: EventPayloads[T],
  views: WebhookViewsService,
) => Promise<WebhookOccurrence | null>;

const REQUEST_EVENTS: Record<RequestStatus, WebhookEvent> = {
  [RequestStatus.PENDING]: WebhookEvent.REQUEST_SENT,
  [RequestStatus.ACCEPTED]: WebhookEvent.REQUEST_ACCEPTED,
  [RequestStatus.DECLINED]: WebhookEvent.REQUEST_DECLINED,
  [RequestStatus.WITHDRAWN]: WebhookEvent.REQUEST_WITHDRAWN,
  [RequestStatus.EXPIRED]: WebhookEvent.REQUEST_EXPIRED,
};

/** A mentorship's start has no event of its own: REQUEST_ACCEPTED says it. */
const MENTORSHIP_EVENTS: Partial<Record<MentorshipStatus, WebhookEvent>> = {
  [MentorshipStatus.COMPLETED]: WebhookEvent.MENTORSHIP_COMPLETED,
  [MentorshipStatus.ENDED]: WebhookEvent.MENTORSHIP_ENDED,
};

/** A session event names its WebhookEvent itself; the transition row is only the audit. */
function sessionEvent(event: WebhookEvent): WebhookEventSource<`session.${string}` & WebhookSourceEvent> {
  return async ({ sessionId }, views) => occurrence(event, await views.session(sessionId));
}

function occurrence(event: WebhookEvent | undefined, subject: WebhookSubject | null): WebhookOccurrence | null {
  return event && subject ? { event, ...subject } : null;
}

/**
 * The one table of webhook events: adding an event is one entry here (the compiler asks
 * for it once the event is routed to QUEUES.webhooks). The audience is exactly who can see
 * the subject through the API, and `dataFor` shapes it as the API shows it to each.
 */
export const WEBHOOK_EVENT_SOURCES: { readonly [T in WebhookSourceEvent]: WebhookEventSource<T> } = {
  'mentorship_request.transitioned': async ({ requestId, transitionId }, views) => {
    const [transition, request] = await Promise.all([views.requestTransition(transitionId), views.request(requestId)]);
    return occurrence(transition ? REQUEST_EVENTS[transition.to] : undefined, request);
  },
  'mentorship.transitioned': async ({ mentorshipId, transitionId }, views) => {
    const [transition, mentorship] = await Promise.all([
      views.mentorshipTransition(transitionId),
      views.mentorship(mentorshipId),
    ]);
    return occurrence(transition ? MENTORSHIP_EVENTS[transition.to] : undefined, mentorship);
  },
  'session.booked': sessionEvent(WebhookEvent.SESSION_BOOKED),
  'session.rescheduled': sessionEvent(WebhookEvent.SESSION_RESCHEDULED),
  'session.cancelled': sessionEvent(WebhookEvent.SESSION_CANCELLED),
  'session.completed': sessionEvent(WebhookEvent.SESSION_COMPLETED),
  'session.no_show': sessionEvent(WebhookEvent.SESSION_NO_SHOW),
  // Only the reveal publishes a review; a moderator restoring a hidden one is not news to its owners.
  'review.transitioned': async ({ reviewId, transitionId }, views) => {
    const transition = await views.reviewTransition(transitionId);
    const revealed =
      transition?.from === ReviewVisibility.PENDING_REVEAL && transition.to === ReviewVisibility.PUBLISHED;
    return revealed ? occurrence(WebhookEvent.REVIEW_PUBLISHED, await views.review(reviewId)) : null;
  },
  // A leave changes membership too; it says nothing to webhooks.
  'mentorship_group.membership_changed': async ({ groupId, userId, joined }, views) =>
    joined ? occurrence(WebhookEvent.GROUP_MEMBER_JOINED, await views.groupMemberJoined(groupId, userId)) : null,
  'program_round.published': async ({ programId, roundId }, views) =>
    occurrence(WebhookEvent.PROGRAM_ROUND_PUBLISHED, await views.publishedRound(programId, roundId)),
};
