import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A program mentorship tracks its mentee's enrolment goals, so goals no longer always come
 * from a request: a goal belongs to a request, a mentorship, or both (a request's goals join
 * the mentorship it becomes). A program mentorship's goals are numbered within it.
 */
export class ProgramMentorshipGoals1763773000000 implements MigrationInterface {
  name = 'ProgramMentorshipGoals1763773000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE goals ALTER COLUMN request_id DROP NOT NULL`);
    await db.query(
      `ALTER TABLE goals ADD CONSTRAINT goals_have_an_owner CHECK (request_id IS NOT NULL OR mentorship_id IS NOT NULL)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX goals_mentorship_position_idx ON goals (mentorship_id, position) WHERE request_id IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM goals WHERE request_id IS NULL`);
    await db.query(`DROP INDEX goals_mentorship_position_idx`);
    await db.query(`ALTER TABLE goals DROP CONSTRAINT goals_have_an_owner`);
    await db.query(`ALTER TABLE goals ALTER COLUMN request_id SET NOT NULL`);
  }
}
