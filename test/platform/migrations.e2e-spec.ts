import { migrateDatabase, migrations } from '@app/platform';
import { testConfig } from '@app/testing';
import pg from 'pg';

/**
 * A database of its own, so creating and migrating it from nothing is what is tested; named
 * after this run's test database, so runs with different test databases never share it.
 */
const testDatabase = new URL(testConfig().DATABASE_URL);
const database = `${testDatabase.pathname.slice(1)}_migrations`;
testDatabase.pathname = `/${database}`;
const config = testConfig({ DATABASE_URL: testDatabase.toString() });

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(config.DATABASE_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropDatabase = () =>
  admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`));

describe('start-up migrations', () => {
  beforeAll(dropDatabase);
  afterAll(dropDatabase);

  it('creates a missing database and migrates it exactly once when three processes start together', async () => {
    const applied = await Promise.all([migrateDatabase(config), migrateDatabase(config), migrateDatabase(config)]);
    // One of them did the work under the advisory lock; the others found nothing pending.
    expect(applied.map((names) => names.length).sort()).toEqual([0, 0, migrations.length]);

    const url = config.DATABASE_URL;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(rows.rows.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
      const extensions = await client.query<{ extname: string }>('SELECT extname FROM pg_extension');
      expect(extensions.rows.map((row) => row.extname)).toEqual(
        expect.arrayContaining(['pg_trgm', 'btree_gist', 'unaccent', 'citext']),
      );
    } finally {
      await client.end();
    }
  });
});
