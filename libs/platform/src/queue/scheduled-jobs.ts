import { QUEUES, type QueueName } from './events.js';

/**
 * Jobs the system schedules for itself (timers and periodic sweeps), as opposed to
 * outbox events. Names are stored in Redis with the job: never rename one.
 */
export interface ScheduledJobPayloads {
  /** Expires one request when its time is up; a no-op if it was answered or is not yet due. */
  'mentorship_request.expire': { requestId: string };
  /** Expires every overdue request, so a lost timer delays an expiry but never skips it. */
  'mentorship_request.expiry_sweep': Record<string, never>;
  /** Sends one webhook's due deliveries in order; a no-op when another sender holds that webhook. */
  'webhook.deliver': { webhookId: string };
  /** Restarts senders whose kick was lost and disables webhooks that failed for days. */
  'webhook.sweep': Record<string, never>;
}

export type ScheduledJobName = keyof ScheduledJobPayloads;

/** The queue each scheduled job runs on. */
export const SCHEDULED_JOB_QUEUES: { readonly [J in ScheduledJobName]: QueueName } = {
  'mentorship_request.expire': QUEUES.lifecycle,
  'mentorship_request.expiry_sweep': QUEUES.lifecycle,
  'webhook.deliver': QUEUES.webhookDeliveries,
  'webhook.sweep': QUEUES.webhookDeliveries,
};

/** What a scheduled job's handler receives. */
export interface ScheduledJob<J extends ScheduledJobName = ScheduledJobName> {
  name: J;
  payload: ScheduledJobPayloads[J];
}

/** Every (queue, scheduled job) pair some consumer must handle exactly once. */
export function declaredScheduledJobs(
  queues: readonly QueueName[],
): Array<{ queue: QueueName; name: ScheduledJobName }> {
  return (Object.keys(SCHEDULED_JOB_QUEUES) as ScheduledJobName[])
    .filter((name) => queues.includes(SCHEDULED_JOB_QUEUES[name]))
    .map((name) => ({ queue: SCHEDULED_JOB_QUEUES[name], name }));
}
