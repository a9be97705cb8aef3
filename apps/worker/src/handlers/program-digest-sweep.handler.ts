import { Inject, Injectable } from '@nestjs/common';
import { ProgramDigestNotificationsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/**
 * Every hour, sends the weekly figures to admins of running programs who have not had this
 * ISO week's yet: the first run of a week sends them, later runs find nothing due.
 */
@Injectable()
@HandlesScheduledJob('program.digest_sweep')
export class ProgramDigestSweepHandler extends RepeatingJobHandler<'program.digest_sweep'> {
  constructor(
    private readonly digests: ProgramDigestNotificationsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'program.digest_sweep', payload: {}, everyMs: 60 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'program.digest_sweep'>): Promise<void> {
    await this.digests.sendDue();
  }
}
