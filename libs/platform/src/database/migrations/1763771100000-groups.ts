import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransitionTable } from './transition-table.js';

/**
 * Groups and circles: a host mentor's seats, its members and its status history, the
 * link from a join request to its group, and from a group session to its group. The seat invariant lives here: `member_count`
 * never exceeds `capacity` (a CHECK), and at most one current membership per person.
 */
export class Groups1763771100000 implements MigrationInterface {
  name = 'Groups1763771100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentorship_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        host_profile_id uuid NOT NULL REFERENCES mentor_profiles(id) ON DELETE CASCADE,
        host_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('GROUP', 'CIRCLE')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FULL', 'CLOSED')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 5 AND 120),
        description text NOT NULL CHECK (char_length(description) BETWEEN 50 AND 5000),
        industry_slugs text[] NOT NULL,
        topic_skill_ids uuid[] NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 2 AND 50),
        member_count int NOT NULL DEFAULT 0 CHECK (member_count BETWEEN 0 AND capacity),
        cadence text NOT NULL CHECK (cadence IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY', 'AD_HOC')),
        channel text NOT NULL CHECK (channel IN ('VIDEO', 'PHONE', 'CHAT', 'IN_PERSON')),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        session_length_minutes int NOT NULL CHECK (session_length_minutes BETWEEN 15 AND 240),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CHECK (ends_on > starts_on)
      )`);
    await db.query(
      `CREATE INDEX mentorship_groups_listed_idx ON mentorship_groups (created_at DESC, id DESC) WHERE status <> 'CLOSED'`,
    );
    await db.query(`CREATE INDEX mentorship_groups_host_idx ON mentorship_groups (host_profile_id, status)`);
    await db.query(`CREATE INDEX mentorship_groups_text_idx ON mentorship_groups USING gin (search_vector)`);
    await db.query(`CREATE INDEX mentorship_groups_topics_idx ON mentorship_groups USING gin (topic_skill_ids)`);

    // A membership row stays after leaving (left_at), so history survives; one current one per person.
    await db.query(`
      CREATE TABLE group_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES mentorship_groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        request_id uuid REFERENCES mentorship_requests(id) ON DELETE SET NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX group_members_current_idx ON group_members (group_id, user_id) WHERE left_at IS NULL`,
    );
    await db.query(`CREATE INDEX group_members_user_idx ON group_members (user_id) WHERE left_at IS NULL`);

    await createTransitionTable(db, 'mentorship_group_transitions', 'group_id', 'mentorship_groups');

    await db.query(
      `ALTER TABLE mentorship_requests ADD COLUMN group_id uuid REFERENCES mentorship_groups(id) ON DELETE CASCADE`,
    );
    await db.query(
      `CREATE INDEX mentorship_requests_group_idx ON mentorship_requests (group_id) WHERE group_id IS NOT NULL`,
    );

    // A session belongs to a mentorship or to a group, never both; a group's sessions are listed by time.
    await db.query(
      `ALTER TABLE sessions ADD CONSTRAINT sessions_group_fk
         FOREIGN KEY (group_id) REFERENCES mentorship_groups(id) ON DELETE CASCADE`,
    );
    await db.query(
      `ALTER TABLE sessions ADD CONSTRAINT sessions_one_owner CHECK (num_nonnulls(mentorship_id, group_id) = 1)`,
    );
    await db.query(`CREATE INDEX sessions_group_idx ON sessions (group_id, starts_at) WHERE group_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS sessions_group_idx`);
    await db.query(`ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_one_owner`);
    await db.query(`ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_group_fk`);
    await db.query(`ALTER TABLE mentorship_requests DROP COLUMN IF EXISTS group_id`);
    for (const table of ['mentorship_group_transitions', 'group_members', 'mentorship_groups']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
