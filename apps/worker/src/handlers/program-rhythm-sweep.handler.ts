import { Inject, Injectable } from '@nestjs/common';
import { ProgramRhythmNotificationsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/** Every hour, nudges program participants whose last check-in window closed without a meeting or a check-in. */
@Injectable()
@HandlesScheduledJob('program.rhythm_sweep')
export class ProgramRhythmSweepHandler extends RepeatingJobHandler<'program.rhythm_sweep'> {
  constructor(
    private readonly notices: ProgramRhythmNotificationsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'program.rhythm_sweep', payload: {}, everyMs: 60 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'program.rhythm_sweep'>): Promise<void> {
    await this.notices.nudgeLapsed();
  }
}
