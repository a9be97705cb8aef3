// Runs once per `npm test`, outside Jest's module system (so plain JavaScript):
// a fresh, empty test database and an empty test Redis database. The first test
// system to start applies the migrations to it, under the migration lock.
import { Redis } from 'ioredis';
import pg from 'pg';

export default async function globalSetup() {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mentorbridge_test';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379/15';

  const url = new URL(process.env.TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await admin.end();

  const redis = new Redis(process.env.TEST_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}
