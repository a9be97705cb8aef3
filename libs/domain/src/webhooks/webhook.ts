import type { WebhookDeliveryStatus, WebhookEvent } from './webhook-event.js';

export interface Webhook {
  id: string;
  userId: string;
  /** Set on a program's webhook: it receives that program's events only. */
  programId: string | null;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: Date;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastResponseExcerpt: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

export const WEBHOOK_COLUMNS = `w.id, w.user_id AS "userId", w.program_id AS "programId", w.url, w.events, w.description, w.enabled,
  w.disabled_reason AS "disabledReason", w.created_at AS "createdAt"`;

export const DELIVERY_COLUMNS = `d.id, d.webhook_id AS "webhookId", d.event, d.status, d.attempts,
  d.last_status_code AS "lastStatusCode", d.last_duration_ms AS "lastDurationMs",
  d.last_response_excerpt AS "lastResponseExcerpt", d.next_attempt_at AS "nextAttemptAt", d.created_at AS "createdAt"`;
