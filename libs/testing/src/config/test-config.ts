import { parseConfig, type Config } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest runs test files in parallel workers. Each worker owns one database (made by
 * test/global-setup.js), since every file empties the tables it uses. Redis is shared,
 * so each file keys its queues, budgets and live topics under a prefix of its own:
 * a job or repeatable sweep an earlier file left behind can never reach this one.
 */
const worker = process.env.JEST_WORKER_ID ?? '1';
const filePrefix = `mbtest-w${worker}-${randomBytes(4).toString('hex')}`;

function workerDatabase(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}_w${worker}`;
  return parsed.toString();
}

/**
 * The configuration every test runs with: its own databases and Redis database,
 * so a test run never touches development data. TEST_DATABASE_URL and
 * TEST_REDIS_URL override the defaults; the database name gets the worker's suffix.
 */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: workerDatabase(
      process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mentorbridge_test',
    ),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
    QUEUE_PREFIX: filePrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '250',
    SEED_DEMO: 'false',
    // Without SMTP_URL mail is written as files: keep them out of the working tree.
    MAIL_DIR: join(tmpdir(), 'mentorbridge-test-mail'),
    // Every test system has its own metrics listener, on a port the OS picks.
    METRICS_PORT: '0',
    // Test files share one client address and Redis; only the rate-limit tests set real budgets.
    RATE_LIMIT_POINTS: '1000000000',
    RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
    // Search runs on Meilisearch when a server is given; the contract suite then covers both engines.
    ...(process.env.TEST_MEILI_URL ? { MEILI_URL: process.env.TEST_MEILI_URL } : {}),
    ...overrides,
  });
}
