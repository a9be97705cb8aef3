import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A globally unique id per outbox event. The serial id restarts when a database is
 * recreated or restored, while Redis keeps completed jobs for a day: a job id built
 * from the serial id would then collide with an old job and BullMQ would silently
 * drop the new event. Job ids and consumers' dedupe keys use this uid instead.
 */
export class OutboxEventUid1763770500000 implements MigrationInterface {
  name = 'OutboxEventUid1763770500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_events ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_events DROP COLUMN uid`);
  }
}
