import { Inject, Injectable } from '@nestjs/common';
import { SessionNotificationsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';
import type { Logger } from 'pino';
import { RepeatingSweep } from './repeating-sweep.js';

/** Every hour, nudges mentorships that let their cadence lapse (once per cadence window each). */
@Injectable()
@HandlesScheduledJob('mentorship.cadence_sweep')
export class CadenceNudgeSweepHandler
  extends RepeatingSweep
  implements ScheduledJobHandler<'mentorship.cadence_sweep'>
{
  constructor(
    private readonly notices: SessionNotificationsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, 'mentorship.cadence_sweep', 60 * 60 * 1000);
  }

  async handle(_job: ScheduledJob<'mentorship.cadence_sweep'>): Promise<void> {
    await this.notices.nudgeLapsedCadences();
  }
}
