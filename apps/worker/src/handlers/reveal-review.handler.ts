import { Injectable } from '@nestjs/common';
import { ReviewsService } from '@app/domain';
import { HandlesScheduledJob, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';

/** The blind window of one review closed; revealing is a no-op unless it is still blind and due. */
@Injectable()
@HandlesScheduledJob('review.reveal')
export class RevealReviewHandler implements ScheduledJobHandler<'review.reveal'> {
  constructor(private readonly reviews: ReviewsService) {}

  async handle(job: ScheduledJob<'review.reveal'>): Promise<void> {
    await this.reviews.reveal(job.payload.reviewId);
  }
}
