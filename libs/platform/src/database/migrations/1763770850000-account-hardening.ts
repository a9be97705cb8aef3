import type { MigrationInterface, QueryRunner } from 'typeorm';

// Characters a display name may not hold: C0 and C1 controls (line breaks included),
// the line and paragraph separators, and the bidi marks, embeddings, overrides and
// isolates that make a name read differently from what it is.
const NOT_PLAIN = String.raw`[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]`;

/**
 * Sessions that can be ended, expiring API tokens, sign-in failures counted per client
 * address, the database-held signing secret used when JWT_SECRET is unset, and plain-text
 * display names.
 */
export class AccountHardening1763770850000 implements MigrationInterface {
  name = 'AccountHardening1763770850000';

  async up(db: QueryRunner): Promise<void> {
    // Secrets every process of one deployment must agree on, made once by whichever starts first.
    await db.query(`
      CREATE TABLE system_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A session is one sign-in: its refresh tokens rotate inside it and its access tokens
    // name it, so ending the row ends both at once.
    await db.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX auth_sessions_user_live_idx ON auth_sessions (user_id) WHERE ended_at IS NULL`);
    await db.query(`
      INSERT INTO auth_sessions (id, user_id, created_at, ended_at)
      SELECT family_id, user_id, min(created_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
        FROM refresh_tokens GROUP BY family_id, user_id`);
    await db.query(`ALTER TABLE refresh_tokens RENAME COLUMN family_id TO session_id`);
    await db.query(`ALTER INDEX refresh_tokens_family_idx RENAME TO refresh_tokens_session_idx`);
    await db.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fk
        FOREIGN KEY (session_id) REFERENCES auth_sessions(id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE refresh_tokens DROP COLUMN revoked_at`);

    await db.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);

    await db.query(`ALTER TABLE sign_in_failures ADD COLUMN ip inet`);
    await db.query(`CREATE INDEX sign_in_failures_ip_idx ON sign_in_failures (ip, failed_at) WHERE ip IS NOT NULL`);

    // Names written before the rule existed are cleaned once, so the constraint can be validated.
    await db.query(
      `UPDATE users SET display_name = coalesce(nullif(btrim(regexp_replace(display_name, $1, ' ', 'g')), ''), 'Member')
        WHERE display_name ~ $1`,
      [NOT_PLAIN],
    );
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_display_name_plain CHECK (display_name !~ '${NOT_PLAIN}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_display_name_plain`);
    await db.query(`DROP INDEX sign_in_failures_ip_idx`);
    await db.query(`ALTER TABLE sign_in_failures DROP COLUMN ip`);
    await db.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
    await db.query(`ALTER TABLE refresh_tokens ADD COLUMN revoked_at timestamptz`);
    await db.query(`
      UPDATE refresh_tokens t SET revoked_at = s.ended_at FROM auth_sessions s
       WHERE s.id = t.session_id AND s.ended_at IS NOT NULL`);
    await db.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fk`);
    await db.query(`ALTER INDEX refresh_tokens_session_idx RENAME TO refresh_tokens_family_idx`);
    await db.query(`ALTER TABLE refresh_tokens RENAME COLUMN session_id TO family_id`);
    await db.query(`DROP TABLE auth_sessions`);
    await db.query(`DROP TABLE system_secrets`);
  }
}
