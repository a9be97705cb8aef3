import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RequestsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';
import type { Logger } from 'pino';

const SWEEP_EVERY_MS = 10 * 60 * 1000;
const RETRY_MS = 5_000;

/**
 * Expires whatever is overdue, every ten minutes: a timer lost with Redis (or never
 * armed) delays an expiry by at most that long, and never skips it.
 */
@Injectable()
@HandlesScheduledJob('mentorship_request.expiry_sweep')
export class RequestExpirySweepHandler
  implements ScheduledJobHandler<'mentorship_request.expiry_sweep'>, OnApplicationBootstrap, OnApplicationShutdown
{
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly requests: RequestsService,
    private readonly scheduler: JobScheduler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Never blocks start-up: Redis may be down (or still connecting), so scheduling retries until it lands. */
  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.scheduler.every('mentorship_request.expiry_sweep', {}, SWEEP_EVERY_MS).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not schedule the request expiry sweep yet; retrying');
      this.retry = setTimeout(() => this.schedule(), RETRY_MS).unref();
    });
  }

  async handle(_job: ScheduledJob<'mentorship_request.expiry_sweep'>): Promise<void> {
    const expired = await this.requests.expireOverdue();
    if (expired > 0) this.logger.info({ expired }, 'expired overdue mentorship requests');
  }
}
