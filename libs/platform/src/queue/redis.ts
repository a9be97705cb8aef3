import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers fail fast when Redis is down (the outbox keeps the event);
 * blocking consumers must never give up on a request (BullMQ requires null retries).
 */
export function createRedis(url: string, role: 'producer' | 'consumer', extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...extra }
      : { maxRetriesPerRequest: null, ...extra };
  const redis = new Redis(url, options);
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Warns unless Redis keeps queue keys under memory pressure (BullMQ needs
 * `noeviction`). Never blocks start-up: the outbox covers a Redis that is down.
 */
export async function warnUnlessNoEviction(url: string, warn: (message: string) => void): Promise<void> {
  const redis = createRedis(url, 'consumer', { lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      warn(`Redis maxmemory-policy is "${policy}"; set it to "noeviction" or queued jobs may be evicted`);
    }
  } catch (error) {
    warn(`Could not check Redis maxmemory-policy: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}
