import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransitionTable } from './transition-table.js';

/**
 * Availability, time off, sessions and their participants, session transitions and
 * calendar feeds. The rule that no participant is ever in two overlapping sessions lives
 * here, as one exclusion constraint over each participant's time range: a session's
 * participants are its host and every mentee or group member, so one-to-one and group
 * sessions obey the same rule. Cancelling a session clears `active` and frees the time.
 */
export class Scheduling1763770900000 implements MigrationInterface {
  name = 'Scheduling1763770900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // Rules are local "HH:MM" ranges per ISO weekday in the mentor's own zone, kept as minutes of the day.
    await db.query(`
      CREATE TABLE availability_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        time_zone text NOT NULL,
        rules jsonb NOT NULL DEFAULT '[]',
        min_notice_hours int NOT NULL CHECK (min_notice_hours BETWEEN 0 AND 720),
        buffer_minutes int NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 240),
        max_sessions_per_week int CHECK (max_sessions_per_week BETWEEN 1 AND 100),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE time_off (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        note text CHECK (char_length(note) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX time_off_user_idx ON time_off USING gist (user_id, tstzrange(starts_at, ends_at))`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        host_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mentorship_id uuid REFERENCES mentorships(id) ON DELETE CASCADE,
        group_id uuid,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
        version int NOT NULL DEFAULT 1,
        reschedule_count int NOT NULL DEFAULT 0,
        agenda text CHECK (char_length(agenda) <= 2000),
        cancelled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        cancel_reason text,
        cancelled_at timestamptz,
        late_cancellation boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX sessions_host_idx ON sessions (host_id, starts_at)`);
    await db.query(
      `CREATE INDEX sessions_mentorship_idx ON sessions (mentorship_id, starts_at) WHERE mentorship_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX sessions_scheduled_end_idx ON sessions (ends_at) WHERE status = 'SCHEDULED'`);

    await db.query(`
      CREATE TABLE session_participants (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 0),
        during tstzrange NOT NULL,
        active boolean NOT NULL DEFAULT true,
        no_show_reported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        PRIMARY KEY (session_id, user_id),
        UNIQUE (session_id, position),
        CONSTRAINT session_participants_no_overlap
          EXCLUDE USING gist (user_id WITH =, during WITH &&) WHERE (active)
      )`);
    // Lists of one person's sessions by time, cancelled ones included (the exclusion index skips those).
    await db.query(`CREATE INDEX session_participants_user_idx ON session_participants (user_id, lower(during))`);

    await createTransitionTable(db, 'session_transitions', 'session_id', 'sessions');

    // 256 random bits per feed: guessing one is hopeless, and rotating replaces it.
    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'session_transitions',
      'session_participants',
      'sessions',
      'time_off',
      'availability_settings',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
