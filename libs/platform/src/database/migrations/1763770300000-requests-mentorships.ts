import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransitionTable } from './transition-table.js';

/**
 * Mentorship requests, mentorships, their goals and transition histories, and the
 * notification preferences and mail ledger. The lifecycle invariants that must hold
 * under concurrency live here: one pending request per mentee and mentor, one active
 * mentorship per pair.
 */
export class RequestsMentorships1763770300000 implements MigrationInterface {
  name = 'RequestsMentorships1763770300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentorship_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mentor_profile_id uuid NOT NULL REFERENCES mentor_profiles(id) ON DELETE CASCADE,
        mentor_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
        motivation text NOT NULL CHECK (char_length(motivation) BETWEEN 50 AND 2000),
        format text NOT NULL,
        cadence text NOT NULL CHECK (cadence IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY', 'AD_HOC')),
        channel text NOT NULL CHECK (channel IN ('VIDEO', 'PHONE', 'CHAT', 'IN_PERSON')),
        duration_weeks int NOT NULL CHECK (duration_weeks BETWEEN 1 AND 52),
        topics text[] NOT NULL DEFAULT '{}',
        confidentiality_note text,
        expires_at timestamptz NOT NULL,
        responded_at timestamptz,
        decline_reason text CHECK (decline_reason IN ('NO_CAPACITY', 'NOT_A_FIT', 'SCHEDULE', 'OTHER')),
        response_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mentee_id <> mentor_user_id)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX mentorship_requests_one_pending_idx
        ON mentorship_requests (mentee_id, mentor_profile_id) WHERE status = 'PENDING'`);
    await db.query(
      `CREATE INDEX mentorship_requests_mentee_idx ON mentorship_requests (mentee_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX mentorship_requests_mentor_idx ON mentorship_requests (mentor_user_id, created_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX mentorship_requests_profile_idx ON mentorship_requests (mentor_profile_id, status)`);
    await db.query(
      `CREATE INDEX mentorship_requests_expiry_idx ON mentorship_requests (expires_at) WHERE status = 'PENDING'`,
    );

    await createTransitionTable(db, 'mentorship_request_transitions', 'request_id', 'mentorship_requests');

    await db.query(`
      CREATE TABLE mentorships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL UNIQUE REFERENCES mentorship_requests(id) ON DELETE CASCADE,
        mentee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mentor_profile_id uuid NOT NULL REFERENCES mentor_profiles(id) ON DELETE CASCADE,
        mentor_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'ENDED')),
        format text NOT NULL,
        cadence text NOT NULL,
        channel text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        ends_on date NOT NULL,
        ended_at timestamptz,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX mentorships_one_active_idx ON mentorships (mentee_id, mentor_profile_id) WHERE status = 'ACTIVE'`,
    );
    await db.query(
      `CREATE INDEX mentorships_profile_active_idx ON mentorships (mentor_profile_id) WHERE status = 'ACTIVE'`,
    );
    await db.query(`CREATE INDEX mentorships_mentee_idx ON mentorships (mentee_id, started_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentorships_mentor_idx ON mentorships (mentor_user_id, started_at DESC, id DESC)`);

    await createTransitionTable(db, 'mentorship_transitions', 'mentorship_id', 'mentorships');

    // A goal is written with the request and linked to the mentorship it becomes.
    await db.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES mentorship_requests(id) ON DELETE CASCADE,
        mentorship_id uuid REFERENCES mentorships(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
        success_criteria text,
        target_date date,
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, position)
      )`);
    await db.query(`CREATE INDEX goals_mentorship_idx ON goals (mentorship_id) WHERE mentorship_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE goal_progress_updates (
        id bigserial PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        progress int NOT NULL CHECK (progress BETWEEN 0 AND 100),
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX goal_progress_updates_goal_idx ON goal_progress_updates (goal_id, at)`);

    // No row means the email is wanted: preferences record only opt-outs and opt-ins again.
    await db.query(`
      CREATE TABLE notification_email_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        enabled boolean NOT NULL,
        PRIMARY KEY (user_id, type)
      )`);

    // One row per email ever attempted, keyed like its notification: a redelivered job finds it and sends nothing.
    await db.query(`
      CREATE TABLE sent_emails (
        dedupe_key text PRIMARY KEY,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        type text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'sent_emails',
      'notification_email_preferences',
      'goal_progress_updates',
      'goals',
      'mentorship_transitions',
      'mentorships',
      'mentorship_request_transitions',
      'mentorship_requests',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
