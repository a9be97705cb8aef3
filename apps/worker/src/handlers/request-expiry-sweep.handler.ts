import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RequestsService } from '@app/domain';
import {
  HandlesScheduledJob,
  JobScheduler,
  keepRepeating,
  LOGGER,
  type ScheduledJob,
  type ScheduledJobHandler,
} from '@app/platform';
import type { Logger } from 'pino';

const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Expires whatever is overdue, every ten minutes: a timer lost with Redis (or never
 * armed) delays an expiry by at most that long, and never skips it.
 */
@Injectable()
@HandlesScheduledJob('mentorship_request.expiry_sweep')
export class RequestExpirySweepHandler
  implements ScheduledJobHandler<'mentorship_request.expiry_sweep'>, OnApplicationBootstrap, OnApplicationShutdown
{
  private stop: (() => void) | undefined;

  constructor(
    private readonly requests: RequestsService,
    private readonly scheduler: JobScheduler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = keepRepeating(this.scheduler, this.logger, {
      name: 'mentorship_request.expiry_sweep',
      payload: {},
      everyMs: SWEEP_EVERY_MS,
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  async handle(_job: ScheduledJob<'mentorship_request.expiry_sweep'>): Promise<void> {
    const expired = await this.requests.expireOverdue();
    if (expired > 0) this.logger.info({ expired }, 'expired overdue mentorship requests');
  }
}
