import { Inject, Injectable } from '@nestjs/common';
import { SessionNotificationsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/** Every hour, nudges mentorships that let their cadence lapse (once per cadence window each). */
@Injectable()
@HandlesScheduledJob('mentorship.cadence_sweep')
export class CadenceNudgeSweepHandler extends RepeatingJobHandler<'mentorship.cadence_sweep'> {
  constructor(
    private readonly notices: SessionNotificationsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'mentorship.cadence_sweep', payload: {}, everyMs: 60 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'mentorship.cadence_sweep'>): Promise<void> {
    await this.notices.nudgeLapsedCadences();
  }
}
