import { NotificationKind } from '../notification-types.js';
import type { NotificationMessage } from './message.js';

export interface WebhookFacts {
  webhookId: string;
  url: string;
  reason: string;
}

/** To a webhook's owner: it was turned off, and how to turn it back on. */
export function webhookDisabled(facts: WebhookFacts): NotificationMessage {
  const title = 'A webhook was turned off';
  const body = `Deliveries to ${facts.url} kept failing. ${facts.reason}`;
  return {
    kind: NotificationKind.WEBHOOK_DISABLED,
    title,
    body,
    link: `/settings/webhooks/${facts.webhookId}`,
    email: {
      subject: title,
      lines: [
        `We turned off your webhook to ${facts.url}: every delivery to it failed for 3 days.`,
        '',
        'Its delivery log shows what the receiver answered. Fix the receiver, then save the webhook',
        'again to turn it back on; the deliveries still pending will follow.',
      ],
    },
  };
}
