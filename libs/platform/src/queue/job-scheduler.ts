import { Injectable } from '@nestjs/common';
import { QueueRegistry } from './queue-registry.js';
import {
  SCHEDULED_JOB_QUEUES,
  type ScheduledJob,
  type ScheduledJobName,
  type ScheduledJobPayloads,
} from './scheduled-jobs.js';

/** Enqueues the system's own timers and periodic jobs by their declared names. */
@Injectable()
export class JobScheduler {
  constructor(private readonly queues: QueueRegistry) {}

  /** Runs the job once after `delayMs`; the same `jobId` scheduled twice stays one job. */
  async once<J extends ScheduledJobName>(
    name: J,
    payload: ScheduledJobPayloads[J],
    options: { delayMs: number; jobId: string },
  ): Promise<void> {
    const data: ScheduledJob<J> = { name, payload };
    await this.queues
      .get(SCHEDULED_JOB_QUEUES[name])
      .add(name, data, { delay: Math.max(0, options.delayMs), jobId: options.jobId });
  }

  /** Runs several jobs of one name now, in one round trip; a `jobId` already known stays one job. */
  async nowMany<J extends ScheduledJobName>(
    name: J,
    jobs: ReadonlyArray<{ payload: ScheduledJobPayloads[J]; jobId: string }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queues.get(SCHEDULED_JOB_QUEUES[name]).addBulk(
      jobs.map(({ payload, jobId }) => ({
        name,
        data: { name, payload } satisfies ScheduledJob<J>,
        opts: { jobId },
      })),
    );
  }

  /** Runs the job every `everyMs`; calling it again (another worker, a restart) keeps one schedule. */
  async every<J extends ScheduledJobName>(name: J, payload: ScheduledJobPayloads[J], everyMs: number): Promise<void> {
    const data: ScheduledJob<J> = { name, payload };
    await this.queues.get(SCHEDULED_JOB_QUEUES[name]).upsertJobScheduler(name, { every: everyMs }, { name, data });
  }
}
