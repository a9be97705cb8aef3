import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook may be registered for a program by an admin of its organisation: it then
 * receives that program's events only, and goes with the program.
 */
export class ProgramWebhooks1763771500000 implements MigrationInterface {
  name = 'ProgramWebhooks1763771500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks ADD COLUMN program_id uuid REFERENCES programs(id) ON DELETE CASCADE`);
    await db.query(`CREATE INDEX webhooks_program_idx ON webhooks (program_id) WHERE program_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks DROP COLUMN program_id`);
  }
}
