// Runs once per `npm test`, outside Jest's module system (so plain JavaScript):
// a fresh, empty test database for each Jest worker and an empty test Redis database.
// The first test system to start in a worker applies the migrations to its database.
import { Redis } from 'ioredis';
import pg from 'pg';

export default async function globalSetup(globalConfig) {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mentorbridge_test';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379/15';

  const url = new URL(process.env.TEST_DATABASE_URL);
  const base = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    const name = pg.escapeIdentifier(`${base}_w${worker}`);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    // Test data is thrown away after each test: waiting for every commit to reach
    // the disk would only slow the suite down.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  }
  await admin.end();

  const redis = new Redis(process.env.TEST_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}
