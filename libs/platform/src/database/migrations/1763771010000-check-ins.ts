import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-ins after held sessions (one per participant per session, the unique index) and
 * the last health each active mentorship was seen in, so turning STALLED is told once.
 */
export class CheckIns1763771010000 implements MigrationInterface {
  name = 'CheckIns1763771010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        usefulness int NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        note text CHECK (char_length(note) <= 2000),
        next_steps text CHECK (char_length(next_steps) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX check_ins_one_per_author_idx ON check_ins (session_id, author_id)`);

    await db.query(`
      CREATE TABLE mentorship_health_states (
        mentorship_id uuid PRIMARY KEY REFERENCES mentorships(id) ON DELETE CASCADE,
        health text NOT NULL CHECK (health IN ('ON_TRACK', 'NEEDS_ATTENTION', 'STALLED')),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS mentorship_health_states`);
    await db.query(`DROP TABLE IF EXISTS check_ins`);
  }
}
