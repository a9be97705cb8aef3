/** The events a webhook can subscribe to (the contract's WebhookEvent). Stored: never rename one. */
export const WebhookEvent = {
  REQUEST_SENT: 'REQUEST_SENT',
  REQUEST_ACCEPTED: 'REQUEST_ACCEPTED',
  REQUEST_DECLINED: 'REQUEST_DECLINED',
  REQUEST_WITHDRAWN: 'REQUEST_WITHDRAWN',
  REQUEST_EXPIRED: 'REQUEST_EXPIRED',
  MENTORSHIP_COMPLETED: 'MENTORSHIP_COMPLETED',
  MENTORSHIP_ENDED: 'MENTORSHIP_ENDED',
  SESSION_BOOKED: 'SESSION_BOOKED',
  SESSION_RESCHEDULED: 'SESSION_RESCHEDULED',
  SESSION_CANCELLED: 'SESSION_CANCELLED',
  SESSION_COMPLETED: 'SESSION_COMPLETED',
  SESSION_NO_SHOW: 'SESSION_NO_SHOW',
  REVIEW_PUBLISHED: 'REVIEW_PUBLISHED',
  GROUP_MEMBER_JOINED: 'GROUP_MEMBER_JOINED',
  PROGRAM_ROUND_PUBLISHED: 'PROGRAM_ROUND_PUBLISHED',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];

export const ALL_WEBHOOK_EVENTS = Object.values(WebhookEvent);

/** The events of a program: only a program's webhook (registered by its organisation's admin) receives them. */
export const PROGRAM_WEBHOOK_EVENTS: readonly WebhookEvent[] = [WebhookEvent.PROGRAM_ROUND_PUBLISHED];

/** A delivery's `type` and Mentorbridge-Event header: REQUEST_SENT is `request.sent`. */
export function deliveryType(event: WebhookEvent): string {
  return event.toLowerCase().replaceAll('_', '.');
}

export const WebhookDeliveryStatus = { PENDING: 'PENDING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];
