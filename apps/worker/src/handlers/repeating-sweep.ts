import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobScheduler, ScheduledJobName, ScheduledJobPayloads } from '@app/platform';
import type { Logger } from 'pino';

const RETRY_MS = 5_000;

/** Scheduled jobs that take no payload: the periodic sweeps. */
export type SweepName = {
  [J in ScheduledJobName]: ScheduledJobPayloads[J] extends Record<string, never> ? J : never;
}[ScheduledJobName];

/**
 * A handler of a periodic sweep that keeps its own repeatable job scheduled. Never blocks
 * start-up: Redis may be down (or still connecting), so scheduling retries until it lands;
 * every worker scheduling it keeps one schedule.
 */
export abstract class RepeatingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  protected constructor(
    private readonly scheduler: JobScheduler,
    protected readonly logger: Logger,
    private readonly sweep: SweepName,
    private readonly everyMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.scheduler.every(this.sweep, {}, this.everyMs).catch((error: unknown) => {
      this.logger.warn({ err: error, job: this.sweep }, 'could not schedule a sweep yet; retrying');
      this.retry = setTimeout(() => this.schedule(), RETRY_MS).unref();
    });
  }
}
