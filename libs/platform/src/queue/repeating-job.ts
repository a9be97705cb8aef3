import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { JobScheduler } from './job-scheduler.js';
import type { ScheduledJob, ScheduledJobName, ScheduledJobPayloads } from './scheduled-jobs.js';

const RETRY_MS = 5_000;

/**
 * The handler of a periodic job, which also keeps that job scheduled from start-up on.
 * Never blocks start-up: Redis may be down (or still connecting), so scheduling retries
 * until it lands.
 */
export abstract class RepeatingJobHandler<J extends ScheduledJobName>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  protected constructor(
    private readonly scheduler: JobScheduler,
    protected readonly logger: Logger,
    private readonly job: { name: J; payload: ScheduledJobPayloads[J]; everyMs: number },
  ) {}

  abstract handle(job: ScheduledJob<J>): Promise<void>;

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.scheduler.every(this.job.name, this.job.payload, this.job.everyMs).catch((error: unknown) => {
      this.logger.warn({ err: error, job: this.job.name }, 'could not schedule a repeating job yet; retrying');
      this.retry = setTimeout(() => this.schedule(), RETRY_MS).unref();
    });
  }
}
