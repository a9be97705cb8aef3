import type { DataSource } from 'typeorm';

/** Reference data seeded by migrations: kept across tests. */
const KEPT = new Set(['migrations', 'industries', 'skills', 'skill_aliases']);

/** Empties every table the tests write, so each test starts from migrated state. */
export async function resetDatabase(db: DataSource): Promise<void> {
  const rows = await db.query<Array<{ tablename: string }>>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const tables = rows.map((row) => row.tablename).filter((table) => !KEPT.has(table));
  if (tables.length > 0) {
    await db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  }
}
