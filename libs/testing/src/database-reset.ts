import type { DataSource } from 'typeorm';

/** Reference data seeded by migrations, and the signing secret running processes hold: kept across tests. */
const KEPT = new Set(['migrations', 'industries', 'skills', 'skill_aliases', 'system_secrets']);

/** Empties every table the tests write, so each test starts from migrated state. */
export async function resetDatabase(db: DataSource): Promise<void> {
  const rows = await db.query<Array<{ tablename: string }>>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const tables = rows.map((row) => row.tablename).filter((table) => !KEPT.has(table));
  if (tables.length === 0) return;
  const truncate = `TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`;
  // A job of the previous test may still hold row locks; TRUNCATE can then lose a
  // deadlock against it. The job finishes either way, so trying again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(truncate);
      return;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '40P01' || attempt >= 5) throw error;
    }
  }
}
