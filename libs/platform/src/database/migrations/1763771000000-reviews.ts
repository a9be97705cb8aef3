import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransitionTable } from './transition-table.js';

/**
 * Double-blind reviews of mentorships, their reports and moderation history, and the
 * ADMIN role that moderates them. One review per author per mentorship is the unique
 * index below, so parallel submits keep one; one report per person per review is the
 * primary key of review_reports.
 */
export class Reviews1763771000000 implements MigrationInterface {
  name = 'Reviews1763771000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'MEMBER' CHECK (role IN ('MEMBER', 'ADMIN'))`,
    );

    // subject_profile_id is set on the mentee's review of the mentor (the public kind)
    // and null on the mentor's private feedback to the mentee.
    await db.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        subject_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        subject_profile_id uuid REFERENCES mentor_profiles(id) ON DELETE CASCADE,
        rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) <= 2000),
        response text CHECK (char_length(response) BETWEEN 1 AND 2000),
        responded_at timestamptz,
        visibility text NOT NULL DEFAULT 'PENDING_REVEAL'
          CHECK (visibility IN ('PENDING_REVEAL', 'PUBLISHED', 'HIDDEN')),
        reveal_due_at timestamptz NOT NULL,
        revealed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (author_id <> subject_id),
        CHECK ((visibility = 'PENDING_REVEAL') = (revealed_at IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX reviews_one_per_author_idx ON reviews (mentorship_id, author_id)`);
    await db.query(`
      CREATE INDEX reviews_profile_published_idx ON reviews (subject_profile_id, revealed_at DESC, id DESC)
        WHERE visibility = 'PUBLISHED' AND subject_profile_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX reviews_reveal_due_idx ON reviews (reveal_due_at) WHERE visibility = 'PENDING_REVEAL'`,
    );

    await createTransitionTable(db, 'review_transitions', 'review_id', 'reviews');

    // A report stays open until a moderator hides or restores the review it is about.
    await db.query(`
      CREATE TABLE review_reports (
        review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        PRIMARY KEY (review_id, reporter_id)
      )`);
    await db.query(`CREATE INDEX review_reports_open_idx ON review_reports (review_id) WHERE resolved_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['review_reports', 'review_transitions', 'reviews']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`ALTER TABLE users DROP COLUMN IF EXISTS role`);
  }
}
