export const ReviewVisibility = {
  PENDING_REVEAL: 'PENDING_REVEAL',
  PUBLISHED: 'PUBLISHED',
  HIDDEN: 'HIDDEN',
} as const;
export type ReviewVisibility = (typeof ReviewVisibility)[keyof typeof ReviewVisibility];

/** A review stays blind this long unless the other side reviews first. */
export const REVEAL_AFTER_DAYS = 14;

export interface Review {
  id: string;
  mentorshipId: string;
  authorId: string;
  subjectId: string;
  /** The reviewed mentor's profile on a mentee's (public) review; null on a mentor's private feedback. */
  subjectProfileId: string | null;
  rating: number;
  comment: string | null;
  response: string | null;
  respondedAt: Date | null;
  visibility: ReviewVisibility;
  revealDueAt: Date;
  revealedAt: Date | null;
  createdAt: Date;
}

/** A review as a moderator sees it in the queue: with its open reports. */
export interface ReportedReview extends Review {
  reportCount: number;
}

export const REVIEW_COLUMNS = `r.id, r.mentorship_id AS "mentorshipId", r.author_id AS "authorId", r.subject_id AS "subjectId",
  r.subject_profile_id AS "subjectProfileId", r.rating, r.comment, r.response, r.responded_at AS "respondedAt",
  r.visibility, r.reveal_due_at AS "revealDueAt", r.revealed_at AS "revealedAt", r.created_at AS "createdAt"`;

/**
 * Who may read a review, as SQL over alias `r` with the viewer's id at `$viewer`:
 * its author always; once published, everyone for a mentee's review of a mentor, and
 * only the reviewed mentee for a mentor's private feedback.
 */
export function visibleToViewerSql(viewer: string): string {
  return `(r.author_id = ${viewer} OR (r.visibility = 'PUBLISHED' AND (r.subject_profile_id IS NOT NULL OR r.subject_id = ${viewer})))`;
}

/** Of one mentorship's reviews, those its participant `viewerId` wrote and those both sides see. */
export function mentorshipReviewsFor(
  reviews: readonly Review[],
  viewerId: string,
): { mine: Review | null; revealed: Review[] } {
  return {
    mine: reviews.find((review) => review.authorId === viewerId) ?? null,
    revealed: reviews.filter((review) => review.visibility === ReviewVisibility.PUBLISHED),
  };
}
