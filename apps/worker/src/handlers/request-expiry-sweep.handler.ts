import { Inject, Injectable } from '@nestjs/common';
import { RequestsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, RepeatingJobHandler, type ScheduledJob } from '@app/platform';
import type { Logger } from 'pino';

/**
 * Expires whatever is overdue, every ten minutes: a timer lost with Redis (or never
 * armed) delays an expiry by at most that long, and never skips it.
 */
@Injectable()
@HandlesScheduledJob('mentorship_request.expiry_sweep')
export class RequestExpirySweepHandler extends RepeatingJobHandler<'mentorship_request.expiry_sweep'> {
  constructor(
    private readonly requests: RequestsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'mentorship_request.expiry_sweep', payload: {}, everyMs: 10 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'mentorship_request.expiry_sweep'>): Promise<void> {
    const expired = await this.requests.expireOverdue();
    if (expired > 0) this.logger.info({ expired }, 'expired overdue mentorship requests');
  }
}
