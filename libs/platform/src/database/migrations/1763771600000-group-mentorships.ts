import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An accepted join request becomes a mentorship of the member with the host, tied to the
 * group. It still comes from a request (the origin check stays), but the group's seats
 * govern it, so the marketplace capacity index and the one-active-per-pair rule leave it out;
 * a member holds one active place per group.
 */
export class GroupMentorships1763771600000 implements MigrationInterface {
  name = 'GroupMentorships1763771600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mentorships ADD COLUMN group_id uuid REFERENCES mentorship_groups(id)`);
    // One active one-to-one mentorship per pair, and one active place per member and group:
    // a member may also have a one-to-one mentorship with the host.
    await db.query(`DROP INDEX mentorships_one_active_idx`);
    await db.query(
      `CREATE UNIQUE INDEX mentorships_one_active_idx ON mentorships (mentee_id, mentor_profile_id)
        WHERE status = 'ACTIVE' AND group_id IS NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX mentorships_one_active_group_idx ON mentorships (group_id, mentee_id)
        WHERE status = 'ACTIVE' AND group_id IS NOT NULL`,
    );
    await db.query(`DROP INDEX mentorships_profile_active_idx`);
    await db.query(
      `CREATE INDEX mentorships_profile_active_idx ON mentorships (mentor_profile_id)
        WHERE status = 'ACTIVE' AND program_id IS NULL AND group_id IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentorships_profile_active_idx`);
    await db.query(
      `CREATE INDEX mentorships_profile_active_idx ON mentorships (mentor_profile_id) WHERE status = 'ACTIVE' AND program_id IS NULL`,
    );
    await db.query(`DROP INDEX mentorships_one_active_idx`);
    await db.query(
      `CREATE UNIQUE INDEX mentorships_one_active_idx ON mentorships (mentee_id, mentor_profile_id) WHERE status = 'ACTIVE'`,
    );
    await db.query(`ALTER TABLE mentorships DROP COLUMN group_id`);
  }
}
