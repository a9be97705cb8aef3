import { Inject, Injectable } from '@nestjs/common';
import { ReviewsService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, type ScheduledJob, RepeatingJobHandler } from '@app/platform';
import type { Logger } from 'pino';

/** Reveals every review whose blind window closed, every ten minutes: a lost timer delays a reveal, never skips it. */
@Injectable()
@HandlesScheduledJob('review.reveal_sweep')
export class ReviewRevealSweepHandler extends RepeatingJobHandler<'review.reveal_sweep'> {
  constructor(
    private readonly reviews: ReviewsService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'review.reveal_sweep', payload: {}, everyMs: 10 * 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'review.reveal_sweep'>): Promise<void> {
    const revealed = await this.reviews.revealOverdue();
    if (revealed > 0) this.logger.info({ revealed }, 'revealed reviews whose blind window closed');
  }
}
