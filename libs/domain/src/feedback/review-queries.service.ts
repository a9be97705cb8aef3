import { Injectable } from '@nestjs/common';
import { assertId, findTransition, isUuid, keysetPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import { REVIEW_COLUMNS, type Review, type ReviewVisibility } from './review.js';
import { reviewTransitions, type ReviewTransition } from './review-lifecycle.js';

/** Reads of reviews: the public list of a mentor's, and batches for loaders. */
@Injectable()
export class ReviewQueriesService {
  constructor(private readonly db: DataSource) {}

  /** A mentor's published reviews, newest revealed first; hidden and blind ones are not there. */
  listPublishedForMentor(profileId: string, args: PageArgs): Promise<Page<Review>> {
    assertId(profileId, 'Mentor');
    return keysetPage<Review>(this.db, {
      columns: REVIEW_COLUMNS,
      from: 'reviews r',
      where: `r.subject_profile_id = $1 AND r.visibility = 'PUBLISHED'`,
      params: [profileId],
      sortColumn: 'r.revealed_at',
      idColumn: 'r.id',
      args,
    });
  }

  /** Every review of each mentorship, in the order asked; callers pick what a viewer may see. */
  async byMentorshipIds(mentorshipIds: readonly string[]): Promise<Review[][]> {
    const rows = await this.db.query<Review[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.mentorship_id = ANY($1::uuid[]) ORDER BY r.created_at`,
      [mentorshipIds.filter(isUuid)],
    );
    return mentorshipIds.map((id) => rows.filter((row) => row.mentorshipId === id));
  }

  async findById(id: string): Promise<Review | null> {
    if (!isUuid(id)) return null;
    const [review] = await this.db.query<Review[]>(`SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1`, [id]);
    return review ?? null;
  }

  findTransition(id: string): Promise<ReviewTransition | null> {
    return findTransition<ReviewVisibility>(this.db.manager, reviewTransitions, id);
  }
}
