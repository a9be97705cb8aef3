import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a wake-up for a webhook's sender is already queued, further fan-outs leave their rows
 * to it instead of queueing another: a backlog otherwise fills the senders' queue with
 * wake-ups that each find the sender busy. Any wake-up that runs clears the mark.
 */
export class WebhookWakeQueued1763775000000 implements MigrationInterface {
  name = 'WebhookWakeQueued1763775000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks ADD COLUMN wake_queued_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks DROP COLUMN wake_queued_at`);
  }
}
