import { Injectable } from '@nestjs/common';
import { JobScheduler } from '@app/platform';
import { ReviewVisibility } from './review.js';
import { ReviewQueriesService } from './review-queries.service.js';

/** Reveal timers live in the queue, so only the worker arms them, after the review committed. */
@Injectable()
export class ReviewRevealTimerService {
  constructor(
    private readonly reviews: ReviewQueriesService,
    private readonly scheduler: JobScheduler,
  ) {}

  /** Arms the timer of a review this transition wrote, unless it was revealed already; one job per review. */
  async armFor(transitionId: string): Promise<void> {
    const transition = await this.reviews.findTransition(transitionId);
    if (transition?.to !== ReviewVisibility.PENDING_REVEAL) return;
    const review = await this.reviews.findById(transition.subjectId);
    if (review?.visibility !== ReviewVisibility.PENDING_REVEAL) return;
    await this.scheduler.once(
      'review.reveal',
      { reviewId: review.id },
      { delayMs: review.revealDueAt.getTime() - Date.now(), jobId: `reveal-${review.id}` },
    );
  }
}
