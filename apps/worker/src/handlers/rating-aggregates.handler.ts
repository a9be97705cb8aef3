import { Injectable } from '@nestjs/common';
import { RatingAggregatesService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.feedback, 'review.transitioned')
export class RatingAggregatesHandler implements EventHandler<'review.transitioned'> {
  constructor(private readonly ratings: RatingAggregatesService) {}

  async handle(job: EventJob<'review.transitioned'>): Promise<void> {
    await this.ratings.recomputeForReview(job.payload.reviewId);
  }
}
