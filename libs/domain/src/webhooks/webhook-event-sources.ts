import type { EventPayloads, EventsRoutedTo, QUEUES } from '@app/platform';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { RequestStatus } from '../requests/request-terms.js';
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
};
