import { loadConfig, type Config } from '@app/platform';

/** The benches' own database and Redis db/prefix, so a run never touches development data. */
export function benchConfig(database: string, redisUrl = 'redis://127.0.0.1:6379/12'): Config {
  return loadConfig({
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: 'mbbench',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
  });
}
