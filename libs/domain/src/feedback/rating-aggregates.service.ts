import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/platform';
import { MentorProfilesService, type RatingAggregate } from '../profiles/mentor-profiles.service.js';
import { ReviewQueriesService } from './review-queries.service.js';

/**
 * A mentor's rating, recomputed from their published reviews (never adjusted by deltas),
 * so a redelivered or reordered event converges on the same numbers.
 */
@Injectable()
export class RatingAggregatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reviews: ReviewQueriesService,
    private readonly profiles: MentorProfilesService,
  ) {}

  /** After any change to this review: its mentor's rating, and search, catch up. */
  async recomputeForReview(reviewId: string): Promise<void> {
    const review = await this.reviews.findById(reviewId);
    const profileId = review?.subjectProfileId;
    if (!profileId) return;
    await this.uow.run(async (tx) => {
      // Under the profile lock, so two recomputes of one mentor cannot interleave their counts.
      if (!(await this.profiles.lockForUpdate(tx, profileId))) return;
      const [aggregate] = await tx.manager.query<RatingAggregate[]>(
        `SELECT count(*)::int AS count, coalesce(sum(rating), 0)::int AS sum,
                ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
                      count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
                      count(*) FILTER (WHERE rating = 5)]::int[] AS distribution
           FROM reviews WHERE subject_profile_id = $1 AND visibility = 'PUBLISHED'`,
        [profileId],
      );
      if (aggregate) await this.profiles.setRating(tx, profileId, aggregate);
    });
  }
}
