import { optionalPlainText } from '@app/platform';
import { z } from 'zod';
import { ALL_WEBHOOK_EVENTS, type WebhookEvent } from './webhook-event.js';

export const MAX_WEBHOOKS_PER_USER = 20;
export const MAX_URL_LENGTH = 2048;

export const webhookInputSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`),
  events: z
    .array(z.enum(ALL_WEBHOOK_EVENTS as [WebhookEvent, ...WebhookEvent[]]))
    .min(1, 'must name at least one event')
    .max(ALL_WEBHOOK_EVENTS.length * 2, 'names too many events')
    .transform((events) => [...new Set(events)]),
  description: optionalPlainText(200),
  programId: z.string().nullish(),
});

export interface WebhookInput {
  url: string;
  events: string[];
  description?: string | null;
  programId?: string | null;
}
