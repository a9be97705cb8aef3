import { publishedMentor, sendRequest, signUpUser, type TestMentor, type TestUser } from '@app/testing';
import { WebhookSecretBoxService } from '@app/domain';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startReceiver, type Receiver } from './receiver.js';
import { ALL_EVENTS, deliveriesOf } from './webhook-operations.js';

/**
 * The guard runs again at delivery: a webhook registered while its host was public must
 * not reach inside once the name points there. Production refuses loopback, so a
 * receiver on 127.0.0.1 stands for an internal service that must never be dialled.
 */
describe('delivering webhooks to hosts that now resolve inside (production)', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  let mentee: TestUser;
  let inside: Receiver;

  beforeAll(async () => {
    system = await startTestSystem({
      worker: true,
      config: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), WEBHOOK_SECRET_KEY: 'k'.repeat(40) },
    });
    await system.reset();
    mentor = await publishedMentor(system);
    mentee = await signUpUser(system, 'Ada Mentee');
    inside = await startReceiver();
  });
  afterAll(async () => {
    await inside.close();
    await system.close();
  });

  it('refuses at delivery and never opens a connection', async () => {
    const port = new URL(inside.url).port;
    const urls = [
      `https://localhost:${port}/hooks`,
      `https://127.0.0.1:${port}/hooks`,
      `https://[::ffff:127.0.0.1]:${port}/`,
    ];
    const ids: string[] = [];
    for (const url of urls) {
      // Registered before the name moved inside: written as the API would have stored it.
      const [row] = await system.db.query(
        `INSERT INTO webhooks (user_id, url, events, secret_sealed) VALUES ($1, $2, $3, $4) RETURNING id`,
        [mentee.userId, url, ALL_EVENTS, await system.api.get(WebhookSecretBoxService).seal('whsec_test')],
      );
      ids.push(row.id);
    }

    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    expect(inside.connections).toBe(0);
    for (const id of ids) {
      const [delivery] = await deliveriesOf(system, mentee.token, id);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
      expect(delivery.lastResponseExcerpt).toMatch(/^refused: .*loopback address/);
    }
  });
});
