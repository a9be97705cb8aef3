import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks and their deliveries. A delivery row exists once per (webhook, event) for the
 * original send (redeliveries are rows of their own), and rows of one webhook are sent in
 * `seq` order: the oldest pending row blocks the rest, so receivers see events in order.
 */
export class Webhooks1763771200000 implements MigrationInterface {
  name = 'Webhooks1763771200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (char_length(url) <= 2048),
        events text[] NOT NULL CHECK (cardinality(events) >= 1),
        description text CHECK (char_length(description) <= 200),
        secret_sealed text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        failing_since timestamptz,
        sender_token uuid,
        sender_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhooks_user_idx ON webhooks (user_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX webhooks_failing_idx ON webhooks (failing_since) WHERE enabled AND failing_since IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event text NOT NULL,
        body text NOT NULL,
        redelivery_of uuid REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        last_status_code int,
        last_duration_ms int,
        last_response_excerpt text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      )`);
    await db.query(`
      CREATE UNIQUE INDEX webhook_deliveries_once_idx ON webhook_deliveries (webhook_id, event_id)
        WHERE redelivery_of IS NULL`);
    await db.query(
      `CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (webhook_id, seq) WHERE status = 'PENDING'`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhooks`);
  }
}
