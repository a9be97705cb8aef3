import type { DataSource } from 'typeorm';

/** Reference data seeded by migrations, and the signing secret running processes hold: kept across tests. */
const KEPT = new Set(['migrations', 'industries', 'skills', 'skill_aliases', 'system_secrets']);

/** The statement that empties one database, worked out once per connection pool. */
const resetStatements = new WeakMap<DataSource, Promise<string>>();

/** Empties every table the tests write, so each test starts from migrated state. */
export async function resetDatabase(db: DataSource): Promise<void> {
  let statement = resetStatements.get(db);
  if (!statement) {
    statement = planReset(db);
    resetStatements.set(db, statement);
  }
  const sql = await statement;
  if (sql === '') return;
  // A job of the previous test may still hold row locks; the reset can then lose a
  // deadlock against it. The job finishes either way, so trying again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(sql);
      return;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '40P01' || attempt >= 5) throw error;
    }
  }
}

/**
 * DELETE on the few rows a test writes takes milliseconds, where TRUNCATE of fifty tables
 * swaps fifty files and takes over a second. DELETE must respect foreign keys, so the
 * tables go referencing-first; sequences restart as TRUNCATE ... RESTART IDENTITY did.
 */
async function planReset(db: DataSource): Promise<string> {
  const tables = (
    await db.query<Array<{ name: string }>>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
  )
    .map((row) => row.name)
    .filter((table) => !KEPT.has(table));
  if (tables.length === 0) return '';
  const references = await db.query<Array<{ child: string; parent: string }>>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conrelid <> c.confrelid`,
  );
  const sequences = await db.query<Array<{ sequence: string }>>(
    `SELECT d.objid::regclass::text AS sequence
       FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.refobjid = ANY($1::regclass[]) AND d.deptype IN ('a', 'i')`,
    [tables],
  );
  const order = referencingFirst(
    tables,
    references.filter((edge) => !KEPT.has(edge.parent)),
  );
  const deletes = order.map((table) => `DELETE FROM "${table}";`);
  const restarts = sequences.map(({ sequence }) => `SELECT setval('${sequence}', 1, false);`);
  return [...deletes, ...restarts].join('\n');
}

/** Orders tables so that each comes before every table it references (Kahn's algorithm). */
function referencingFirst(tables: string[], references: Array<{ child: string; parent: string }>): string[] {
  const referencedBy = new Map(tables.map((table) => [table, 0]));
  for (const { parent } of references) referencedBy.set(parent, (referencedBy.get(parent) ?? 0) + 1);
  const ready = tables.filter((table) => referencedBy.get(table) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const table = ready.pop() as string;
    order.push(table);
    for (const { child, parent } of references) {
      if (child !== table) continue;
      const left = (referencedBy.get(parent) as number) - 1;
      referencedBy.set(parent, left);
      if (left === 0) ready.push(parent);
    }
  }
  if (order.length !== tables.length)
    throw new Error('foreign keys form a cycle: the test reset cannot order its deletes');
  return order;
}
