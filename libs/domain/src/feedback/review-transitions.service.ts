import { Injectable } from '@nestjs/common';
import { recordTransitionEvent, type Transaction } from '@app/platform';
import { REVIEW_COLUMNS, ReviewVisibility, type Review } from './review.js';
import { reviewLifecycle, reviewTransitions } from './review-lifecycle.js';

/** The one way a review's visibility changes: the lifecycle check, the audit row and the event, in one transaction. */
@Injectable()
export class ReviewTransitionsService {
  /** Records the writing of a review (it starts blind). */
  async created(tx: Transaction, review: Review): Promise<void> {
    await this.record(tx, review.id, review.authorId, null, ReviewVisibility.PENDING_REVEAL);
  }

  /** Moves a locked review to `to`; returns it as it is now. `actorId` is null when the system moved it. */
  async move(
    tx: Transaction,
    review: Review,
    actorId: string | null,
    to: ReviewVisibility,
    reason: string,
  ): Promise<Review> {
    reviewLifecycle.assertCanMove(review.visibility, to);
    const [rows] = await tx.manager.query<[Review[], number]>(
      `UPDATE reviews r SET visibility = $2, revealed_at = coalesce(r.revealed_at, now()), updated_at = now()
        WHERE r.id = $1 RETURNING ${REVIEW_COLUMNS}`,
      [review.id, to],
    );
    const moved = rows[0];
    if (!moved) throw new Error(`review ${review.id} vanished inside its transaction`);
    await this.record(tx, review.id, actorId, review.visibility, to, reason);
    return moved;
  }

  private async record(
    tx: Transaction,
    reviewId: string,
    actorId: string | null,
    from: ReviewVisibility | null,
    to: ReviewVisibility,
    reason?: string,
  ): Promise<void> {
    await recordTransitionEvent(
      tx,
      reviewTransitions,
      { subjectId: reviewId, actorId, from, to, reason },
      'review.transitioned',
      { reviewId },
    );
  }
}
