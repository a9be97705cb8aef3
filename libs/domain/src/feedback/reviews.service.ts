import { Injectable } from '@nestjs/common';
import { assertId, DomainError, isUniqueViolation, parseInput, UnitOfWork, type Transaction } from '@app/platform';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { ReviewEligibilityService } from './review-eligibility.service.js';
import { REVEAL_AFTER_DAYS, REVIEW_COLUMNS, ReviewVisibility, visibleToViewerSql, type Review } from './review.js';
import { ReviewTransitionsService } from './review-transitions.service.js';
import { editReviewSchema, responseSchema, submitReviewSchema, type SubmitReviewInput } from './review.inputs.js';

const ONE_PER_AUTHOR_INDEX = 'reviews_one_per_author_idx';
const SWEEP_BATCH = 500;

/** Writing, editing, revealing and answering reviews; every visibility change is a recorded transition. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mentorships: MentorshipsService,
    private readonly eligibility: ReviewEligibilityService,
    private readonly transitions: ReviewTransitionsService,
  ) {}

  /**
   * A participant reviews the other side, blind: the review stays PENDING_REVEAL until the
   * other side has reviewed too (both are revealed then) or its window closes. The mentorship
   * row is locked, so two sides submitting at once still see each other's review.
   */
  async submit(authorId: string, raw: SubmitReviewInput): Promise<Review> {
    const input = parseInput(submitReviewSchema, raw, 'input');
    const mentorshipId = assertId(input.mentorshipId, 'Mentorship');
    try {
      return await this.uow.run(async (tx) => {
        const mentorship = await this.mentorships.lockForParticipant(tx, authorId, mentorshipId);
        await this.eligibility.assertMayReview(tx, mentorship);
        const isMentee = mentorship.menteeId === authorId;
        const theirs = await tx.manager.query<Review[]>(
          `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.mentorship_id = $1 FOR UPDATE`,
          [mentorshipId],
        );
        if (theirs.some((review) => review.authorId === authorId)) {
          throw DomainError.conflict('You already reviewed this mentorship');
        }
        const [created] = await tx.manager.query<Review[]>(
          `INSERT INTO reviews AS r (mentorship_id, author_id, subject_id, subject_profile_id, rating, comment, reveal_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
           RETURNING ${REVIEW_COLUMNS}`,
          [
            mentorshipId,
            authorId,
            isMentee ? mentorship.mentorUserId : mentorship.menteeId,
            isMentee ? mentorship.mentorProfileId : null,
            input.rating,
            input.comment || null,
            REVEAL_AFTER_DAYS,
          ],
        );
        if (!created) throw new Error('review insert returned no id');
        await this.transitions.created(tx, created);
        const other = theirs[0];
        if (!other) return created;
        if (other.visibility === ReviewVisibility.PENDING_REVEAL) {
          await this.transitions.move(tx, other, null, ReviewVisibility.PUBLISHED, 'both sides reviewed');
        }
        return this.transitions.move(tx, created, null, ReviewVisibility.PUBLISHED, 'both sides reviewed');
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_PER_AUTHOR_INDEX)) {
        throw DomainError.conflict('You already reviewed this mentorship');
      }
      throw error;
    }
  }

  /** The author changes a review while it is still blind; once revealed it stands. */
  async edit(userId: string, id: string, rating: number, comment: string | null | undefined): Promise<Review> {
    const input = parseInput(editReviewSchema, { rating, comment }, '');
    return this.uow.run(async (tx) => {
      const review = await this.lockVisible(tx, userId, id);
      if (review.authorId !== userId) throw DomainError.forbidden('Only its author may edit a review');
      if (review.visibility !== ReviewVisibility.PENDING_REVEAL) {
        throw DomainError.conflict('This review has been revealed and can no longer be edited');
      }
      const [updated] = await tx.manager.query<[Review[], number]>(
        `UPDATE reviews r SET rating = $2, comment = $3, updated_at = now() WHERE r.id = $1 RETURNING ${REVIEW_COLUMNS}`,
        [review.id, input.rating, input.comment || null],
      );
      return updated[0] ?? review;
    });
  }

  /** The reviewed mentor answers a published review, publicly and once. */
  async respond(userId: string, id: string, rawResponse: string): Promise<Review> {
    const response = parseInput(responseSchema, rawResponse, 'response');
    return this.uow.run(async (tx) => {
      const review = await this.lockVisible(tx, userId, id);
      if (review.subjectId !== userId || review.subjectProfileId === null) {
        throw DomainError.forbidden('Only the reviewed mentor may respond to a review');
      }
      if (review.visibility !== ReviewVisibility.PUBLISHED) throw DomainError.conflict('This review is not published');
      if (review.response !== null) throw DomainError.conflict('You already responded to this review');
      const [updated] = await tx.manager.query<[Review[], number]>(
        `UPDATE reviews r SET response = $2, responded_at = now(), updated_at = now() WHERE r.id = $1
         RETURNING ${REVIEW_COLUMNS}`,
        [review.id, response],
      );
      return updated[0] ?? review;
    });
  }

  /**
   * Reveals one review whose blind window has closed. Safe to call any number of times,
   * early or late: the timer and the sweep may both arrive.
   */
  async reveal(id: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const [review] = await tx.manager.query<Review[]>(
        `SELECT ${REVIEW_COLUMNS} FROM reviews r
          WHERE r.id = $1 AND r.visibility = 'PENDING_REVEAL' AND r.reveal_due_at <= now() FOR UPDATE`,
        [id],
      );
      if (!review) return false;
      await this.transitions.move(tx, review, null, ReviewVisibility.PUBLISHED, 'the blind window closed');
      return true;
    });
  }

  /** Reveals every review whose window closed; returns how many. */
  async revealOverdue(): Promise<number> {
    let revealed = 0;
    for (;;) {
      const due = await this.uow.run((tx) =>
        tx.manager.query<Array<{ id: string }>>(
          `SELECT id FROM reviews WHERE visibility = 'PENDING_REVEAL' AND reveal_due_at <= now()
            ORDER BY reveal_due_at LIMIT ${SWEEP_BATCH}`,
        ),
      );
      for (const { id } of due) if (await this.reveal(id)) revealed += 1;
      if (due.length < SWEEP_BATCH) return revealed;
    }
  }

  /** Locks a review the caller may read; to anyone else it does not exist. */
  private async lockVisible(tx: Transaction, userId: string, id: string): Promise<Review> {
    assertId(id, 'Review');
    const [review] = await tx.manager.query<Review[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1 AND ${visibleToViewerSql('$2')} FOR UPDATE`,
      [id, userId],
    );
    if (!review) throw DomainError.notFound('Review');
    return review;
  }
}
