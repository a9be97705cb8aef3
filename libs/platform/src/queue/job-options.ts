import type { JobsOptions } from 'bullmq';

const DAY = 24 * 60 * 60;

/**
 * Retries with exponential backoff; completed jobs are kept a day (so a duplicate
 * enqueue of the same event id is ignored by BullMQ), failed ones a month so they
 * stay inspectable and can be retried by hand.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: DAY, count: 50_000 },
  removeOnFail: { age: 30 * DAY },
};
