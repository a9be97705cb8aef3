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
  /**
   * Reminds a session's participants `lead` before it starts. It carries the version the
   * session had when armed: after a reschedule or cancel the version moved on and it does nothing.
   */
  'session.remind': { sessionId: string; version: number; lead: ReminderLead };
  /** Completes sessions still SCHEDULED two hours after their end. */
  'session.completion_sweep': Record<string, never>;
  /** Nudges both sides of active mentorships that let their cadence lapse. */
  'mentorship.cadence_sweep': Record<string, never>;
  /** Reveals one review when its blind window closes; a no-op if it was revealed already or is not due. */
  'review.reveal': { reviewId: string };
  /** Reveals every review whose window closed, so a lost timer delays a reveal but never skips it. */
  'review.reveal_sweep': Record<string, never>;
  /** Nudges participants of running programs who let a check-in window pass without meeting or checking in. */
  'program.rhythm_sweep': Record<string, never>;
  /** Sends each admin of each running program the program's figures, once per ISO week. */
  'program.digest_sweep': Record<string, never>;
  /** Assesses every active mentorship's health and records changes; turning STALLED is an event. */
  'mentorship.health_sweep': Record<string, never>;
  /** Sends one webhook's due deliveries in order; a no-op when another sender holds that webhook. */
  'webhook.deliver': { webhookId: string };
  /** Restarts senders whose kick was lost and disables webhooks that failed for days. */
  'webhook.sweep': Record<string, never>;
}

/** How long before a session a reminder goes out. */
export type ReminderLead = 'DAY' | 'HOUR';

export type ScheduledJobName = keyof ScheduledJobPayloads;

/** The queue each scheduled job runs on. */
export const SCHEDULED_JOB_QUEUES: { readonly [J in ScheduledJobName]: QueueName } = {
  'mentorship_request.expire': QUEUES.lifecycle,
  'mentorship_request.expiry_sweep': QUEUES.lifecycle,
  'session.remind': QUEUES.lifecycle,
  'session.completion_sweep': QUEUES.lifecycle,
  'mentorship.cadence_sweep': QUEUES.lifecycle,
  'review.reveal': QUEUES.lifecycle,
  'review.reveal_sweep': QUEUES.lifecycle,
  'mentorship.health_sweep': QUEUES.lifecycle,
  'program.rhythm_sweep': QUEUES.lifecycle,
  'program.digest_sweep': QUEUES.lifecycle,
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
