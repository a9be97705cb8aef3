import { freePort, startRedis, stopRedis } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import type { ChildProcess } from 'node:child_process';

describe('outbox relay across a Redis outage', () => {
  let system: TestSystem;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    system = await startTestSystem({ worker: true, config: { REDIS_URL: `redis://127.0.0.1:${port}/0` } });
    await system.reset();
  });
  afterAll(async () => {
    // A redis-server left running would keep the Jest worker alive past the run.
    try {
      await system.close();
    } finally {
      await stopRedis(redis);
    }
  });

  it('keeps an event committed while Redis is down and delivers it once Redis is back', async () => {
    await stopRedis(redis);

    const res = await system.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
      input: { email: 'outage@example.com', password: 'a long enough secret', displayName: 'Out', timeZone: 'UTC' },
    });
    expect(res.errors).toBeUndefined();
    const userId: string = res.data.signUp.user.id;

    const ready = await fetch(`${system.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { postgres: 'up', redis: 'down' } });

    // Give the relay several polls to fail against the dead Redis.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const pending = await system.db.query<Array<{ published: boolean }>>(
      `SELECT published_at IS NOT NULL AS published FROM outbox_events WHERE type = 'user.signed_up'`,
    );
    expect(pending).toEqual([{ published: false }]);

    redis = await startRedis(port);
    await system.settle();

    const notifications = await system.db.query<Array<{ type: string }>>(
      `SELECT type FROM notifications WHERE user_id = $1`,
      [userId],
    );
    expect(notifications).toEqual([{ type: 'WELCOME' }]);
  });
});
