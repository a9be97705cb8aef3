import type { QueryRunner } from 'typeorm';

/**
 * Creates one lifecycle's history table with the columns every transition log shares
 * (lifecycle/transition-log.ts reads and writes them), indexed by its subject.
 */
export async function createTransitionTable(
  db: QueryRunner,
  table: string,
  subjectColumn: string,
  subjectTable: string,
): Promise<void> {
  await db.query(`
    CREATE TABLE ${table} (
      id bigserial PRIMARY KEY,
      ${subjectColumn} uuid NOT NULL REFERENCES ${subjectTable}(id) ON DELETE CASCADE,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      from_status text,
      to_status text NOT NULL,
      reason text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
  const subject = subjectColumn.replace(/_id$/, '');
  await db.query(`CREATE INDEX ${table}_${subject}_idx ON ${table} (${subjectColumn})`);
}
