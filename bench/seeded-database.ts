import { dataSourceOptions, migrateDatabase, type Config } from '@app/platform';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../scripts/seed/seed-demo-data.js';

/**
 * The benches' database: migrated, and seeded once with `mentors` mentors (a tenth as many
 * mentees). Returns an open connection; the caller destroys it.
 */
export async function seededDatabase(config: Config, mentors: number): Promise<DataSource> {
  await migrateDatabase(config);
  const db = await new DataSource(dataSourceOptions(config, 2)).initialize();
  const [{ count }] = await db.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM mentor_profiles`);
  if (count === 0) {
    await seedDemoData(db, { mentors, mentees: Math.ceil(mentors / 10), seed: 5 });
    await db.query('VACUUM ANALYZE');
  } else if (count !== mentors) {
    throw new Error(`the bench database holds ${count} mentors, not ${mentors}: drop it or pick --database`);
  }
  return db;
}

/** Ids of published mentors, for `mentor(id)` reads. */
export async function publishedMentorIds(db: DataSource, limit = 500): Promise<string[]> {
  const rows = await db.query<Array<{ id: string }>>(
    `SELECT id FROM mentor_profiles WHERE status = 'PUBLISHED' ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}
