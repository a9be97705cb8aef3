import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@app/platform';

/**
 * The benches' own database and Redis db/prefix, so a run never touches development data, and
 * secrets made for this run: the apps run in production mode, which requires them.
 */
export function benchConfig(
  database: string,
  redisUrl = 'redis://127.0.0.1:6379/12',
): Config & { JWT_SECRET: string; WEBHOOK_SECRET_KEY: string } {
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64url'),
  };
  return {
    ...loadConfig({
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: 'mbbench',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...secrets,
    }),
    ...secrets,
  };
}
