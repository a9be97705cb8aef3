import type { Logger } from 'pino';
import type { JobScheduler } from './job-scheduler.js';
import type { ScheduledJobName, ScheduledJobPayloads } from './scheduled-jobs.js';

const RETRY_MS = 5_000;

/**
 * Schedules a repeatable job from start-up on. Never blocks start-up: Redis may be down
 * (or still connecting), so scheduling retries until it lands. Returns a stop function.
 */
export function keepRepeating<J extends ScheduledJobName>(
  scheduler: JobScheduler,
  logger: Logger,
  job: { name: J; payload: ScheduledJobPayloads[J]; everyMs: number },
): () => void {
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    scheduler.every(job.name, job.payload, job.everyMs).catch((error: unknown) => {
      logger.warn({ err: error, job: job.name }, 'could not schedule a repeating job yet; retrying');
      retry = setTimeout(schedule, RETRY_MS).unref();
    });
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(retry);
  };
}
