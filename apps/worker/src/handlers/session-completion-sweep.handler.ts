import { Inject, Injectable } from '@nestjs/common';
import { SessionTransitionsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/** Every ten minutes, completes the sessions nobody marked two hours after their end. */
@Injectable()
@HandlesScheduledJob('session.completion_sweep')
export class SessionCompletionSweepHandler extends RepeatingJobHandler<'session.completion_sweep'> {
  constructor(
    private readonly transitions: SessionTransitionsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'session.completion_sweep', payload: {}, everyMs: 10 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'session.completion_sweep'>): Promise<void> {
    await this.transitions.completeOverdue();
  }
}
