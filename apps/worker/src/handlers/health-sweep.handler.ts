import { Inject, Injectable } from '@nestjs/common';
import { MentorshipHealthService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/** Re-assesses every active mentorship's health hourly; health moves with time even when nobody acts. */
@Injectable()
@HandlesScheduledJob('mentorship.health_sweep')
export class HealthSweepHandler extends RepeatingJobHandler<'mentorship.health_sweep'> {
  constructor(
    private readonly health: MentorshipHealthService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'mentorship.health_sweep', payload: {}, everyMs: 60 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'mentorship.health_sweep'>): Promise<void> {
    const stalled = await this.health.recordChanges();
    if (stalled > 0) this.logger.info({ stalled }, 'mentorships turned stalled');
  }
}
