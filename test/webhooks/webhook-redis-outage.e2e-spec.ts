import type { ChildProcess } from 'node:child_process';
import {
  publishedMentor,
  sendRequest,
  signUpUser,
  WITHDRAW_REQUEST,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { JobScheduler } from '@app/platform';
import { freePort, startRedis, stopRedis } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startReceiver, type Receiver } from './receiver.js';
import { createWebhook, deliveriesOf } from './webhook-operations.js';

describe('webhooks across a Redis outage', () => {
  let system: TestSystem;
  let redis: ChildProcess;
  let port: number;
  let mentor: TestMentor;
  let mentee: TestUser;
  let hooks: Receiver;
  let webhookId: string;
  let requestId: string;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    system = await startTestSystem({ worker: true, config: { REDIS_URL: `redis://127.0.0.1:${port}/0` } });
    await system.reset();
    mentor = await publishedMentor(system);
    mentee = await signUpUser(system, 'Ada Mentee');
    hooks = await startReceiver();
    webhookId = (await createWebhook(system, mentee.token, hooks.url)).id;
  });
  afterAll(async () => {
    await hooks.close();
    await system.close();
    if (redis.exitCode === null) await stopRedis(redis);
  });

  it('delivers an event committed while Redis was down once it is back', async () => {
    await stopRedis(redis);
    requestId = await sendRequest(system, mentee.token, mentor.profileId);
    // Give the relay several polls to fail against the dead Redis.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(hooks.received).toEqual([]);

    redis = await startRedis(port);
    await system.settle();
    expect(hooks.received.map((hit) => hit.json.type)).toEqual(['request.sent']);
    expect(hooks.received[0].json.data.id).toBe(requestId);
  });

  it('keeps a delivery whose retry was lost with Redis, and the sweep sends it', async () => {
    hooks.answer({ status: 500 });
    await system.gql(WITHDRAW_REQUEST, { id: requestId }, mentee.token);
    await system.settle();
    const [pending] = await deliveriesOf(system, mentee.token, webhookId);
    expect(pending).toMatchObject({ event: 'REQUEST_WITHDRAWN', status: 'PENDING', attempts: 1 });

    // The restarted Redis is empty: the delayed retry is gone, the row in PostgreSQL is not.
    await stopRedis(redis);
    redis = await startRedis(port);
    hooks.answer({ status: 204 });
    await system.db.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE status = 'PENDING'`);
    await system.settle(); // returns once the queues answer again
    await system.api.get(JobScheduler).once('webhook.sweep', {}, { delayMs: 0, jobId: 'sweep-after-outage' });
    await system.settle();

    expect(hooks.received.map((hit) => hit.json.type)).toEqual([
      'request.sent',
      'request.withdrawn',
      'request.withdrawn',
    ]);
    const [sent] = await deliveriesOf(system, mentee.token, webhookId);
    expect(sent).toMatchObject({ event: 'REQUEST_WITHDRAWN', status: 'SUCCEEDED', attempts: 2 });
  });
});
