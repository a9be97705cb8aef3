import { QUEUES, QueueRegistry } from '@app/platform';
import type { TestSystem } from '../support/test-system.js';

export const WEBHOOK_FIELDS = 'id url events description enabled disabledReason createdAt';
export const DELIVERY_FIELDS =
  'id event status attempts lastStatusCode lastDurationMs lastResponseExcerpt nextAttemptAt createdAt';

export const CREATE_WEBHOOK = `mutation ($input: WebhookInput!) {
  createWebhook(input: $input) { secret webhook { ${WEBHOOK_FIELDS} } }
}`;
export const UPDATE_WEBHOOK = `mutation ($id: ID!, $input: WebhookInput!) {
  updateWebhook(id: $id, input: $input) { ${WEBHOOK_FIELDS} }
}`;
export const DELETE_WEBHOOK = `mutation ($id: ID!) { deleteWebhook(id: $id) }`;
export const ROTATE_SECRET = `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id } } }`;
export const REDELIVER = `mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;
export const MY_WEBHOOKS = `query ($first: Int, $after: String) {
  me { webhooks(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${WEBHOOK_FIELDS} } }
  } }
}`;
const MY_DELIVERIES = `query { me { webhooks(first: 5) { edges { node {
  id deliveries(first: 50) { totalCount edges { node { ${DELIVERY_FIELDS} } } }
} } } } }`;

export const ALL_EVENTS = [
  'REQUEST_SENT',
  'REQUEST_ACCEPTED',
  'REQUEST_DECLINED',
  'REQUEST_WITHDRAWN',
  'REQUEST_EXPIRED',
  'MENTORSHIP_COMPLETED',
  'MENTORSHIP_ENDED',
];

/** Registers a webhook through the API and returns its id and secret, failing loudly if refused. */
export async function createWebhook(
  system: TestSystem,
  token: string,
  url: string,
  events: string[] = ALL_EVENTS,
): Promise<{ id: string; secret: string }> {
  const res = await system.gql(CREATE_WEBHOOK, { input: { url, events } }, token);
  if (!res.data) throw new Error(`createWebhook failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.createWebhook.webhook.id, secret: res.data.createWebhook.secret };
}

/** One webhook's deliveries, newest first, as its owner reads them. */
export async function deliveriesOf(system: TestSystem, token: string, webhookId: string): Promise<any[]> {
  const res = await system.gql(MY_DELIVERIES, {}, token);
  if (!res.data) throw new Error(`me.webhooks failed: ${JSON.stringify(res.errors)}`);
  const hook = res.data.me.webhooks.edges.find((edge: any) => edge.node.id === webhookId);
  if (!hook) throw new Error(`webhook ${webhookId} is not listed`);
  return hook.node.deliveries.edges.map((edge: any) => edge.node);
}

/**
 * Makes every waiting retry due now and runs it, instead of sleeping through the backoff:
 * the database's clock decides due-ness, the delayed BullMQ job only wakes the sender.
 */
export async function retryNow(system: TestSystem): Promise<void> {
  await system.db.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE status = 'PENDING'`);
  const queue = system.api.get(QueueRegistry).get(QUEUES.webhookDeliveries);
  for (const job of await queue.getDelayed()) await job.promote();
  await system.settle();
}
