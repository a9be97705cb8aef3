import { createHmac } from 'node:crypto';
import {
  ACCEPT_REQUEST,
  DECLINE_REQUEST,
  errorCode,
  publishedMentor,
  REQUEST_BY_ID,
  sendRequest,
  signUpUser,
  WITHDRAW_REQUEST,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { JobScheduler, QueueRegistry, QUEUES } from '@app/platform';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { readmeVerifier, startReceiver, type Receiver } from './receiver.js';
import { createWebhook, deliveriesOf, REDELIVER, retryNow, UPDATE_WEBHOOK, ALL_EVENTS } from './webhook-operations.js';

const COMPLETE = `mutation ($id: ID!) { completeMentorship(id: $id) { id status } }`;
const NOTIFICATIONS = `query { notifications(first: 20) { edges { node { type title body } } } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('delivering webhooks', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  let mentee: TestUser;
  let stranger: TestUser;
  let receivers: Receiver[] = [];
  let verify: Awaited<ReturnType<typeof readmeVerifier>>;

  const receiver = async (): Promise<Receiver> => {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  };
  const types = (r: Receiver): string[] => r.received.map((hit) => hit.json.type);

  beforeAll(async () => {
    verify = await readmeVerifier();
    system = await startTestSystem({ worker: true, config: { WEBHOOK_TIMEOUT_MS: '1000' } });
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system, { displayName: 'Grace Mentor' });
    mentee = await signUpUser(system, 'Ada Mentee');
    stranger = await signUpUser(system, 'Eve Stranger');
  });
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });
  afterAll(async () => {
    await system.close();
  });

  it('signs each delivery and shows each party the request as the API shows it; a stranger hears nothing', async () => {
    const [toMentee, toMentor, toStranger, toEndedOnly] = await Promise.all([
      receiver(),
      receiver(),
      receiver(),
      receiver(),
    ]);
    const menteeHook = await createWebhook(system, mentee.token, toMentee.url);
    const mentorHook = await createWebhook(system, mentor.token, toMentor.url);
    const strangerHook = await createWebhook(system, stranger.token, toStranger.url);
    await createWebhook(system, mentee.token, toEndedOnly.url, ['MENTORSHIP_ENDED']);

    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    expect(types(toMentee)).toEqual(['request.sent']);
    expect(types(toMentor)).toEqual(['request.sent']);
    expect(toStranger.received).toEqual([]);
    expect(toEndedOnly.received).toEqual([]);
    expect(await deliveriesOf(system, stranger.token, strangerHook.id)).toEqual([]);
    const [{ count }] = await system.db.query(
      `SELECT count(*)::int AS count FROM webhook_deliveries WHERE webhook_id = $1`,
      [strangerHook.id],
    );
    expect(count).toBe(0);

    const [hit] = toMentee.received;
    expect(hit.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Mentorbridge-Webhooks/1',
      'mentorbridge-event': 'request.sent',
    });
    expect(hit.headers['mentorbridge-delivery']).toMatch(UUID);
    expect(hit.json).toEqual({
      id: expect.stringMatching(UUID),
      type: 'request.sent',
      createdAt: expect.any(String),
      data: expect.any(Object),
    });
    expect(new Date(hit.json.createdAt).toISOString()).toBe(hit.json.createdAt);

    // The data is the MentorshipRequest the API shows the mentee, ids included.
    const api = (await system.gql(REQUEST_BY_ID, { id: requestId }, mentee.token)).data.mentorshipRequest;
    expect(hit.json.data).toMatchObject({
      id: requestId,
      status: 'PENDING',
      motivation: api.motivation,
      topics: api.topics,
      confidentialityNote: 'Please keep my employer private',
      goals: api.goals.map((goal: { id: string; title: string }) =>
        expect.objectContaining({ id: goal.id, title: goal.title }),
      ),
      mentee: { id: mentee.userId, displayName: 'Ada Mentee', email: mentee.email },
      mentor: { id: mentor.profileId, user: { id: mentor.userId, displayName: 'Grace Mentor', email: null } },
      mentorship: null,
    });
    // Private fields follow the API's rules per viewer: each side sees only their own email.
    expect(toMentor.received[0].json.data).toMatchObject({
      mentee: { id: mentee.userId, email: null },
      mentor: { user: { id: mentor.userId, email: mentor.email } },
    });
    expect(toMentor.received[0].json.id).toBe(hit.json.id);

    // The README's verifier accepts the signature, and refuses tampering, other secrets and old timestamps.
    const header = String(hit.headers['mentorbridge-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(header, hit.body, menteeHook.secret)).toBe(true);
    expect(verify(header, hit.body.replace('PENDING', 'ACCEPTED'), menteeHook.secret)).toBe(false);
    expect(verify(header, hit.body, mentorHook.secret)).toBe(false);
    const signAt = (t: number) =>
      `t=${t},v1=${createHmac('sha256', menteeHook.secret).update(`${t}.${hit.body}`).digest('hex')}`;
    expect(verify(signAt(Math.floor(Date.now() / 1000)), hit.body, menteeHook.secret)).toBe(true);
    expect(verify(signAt(Math.floor(Date.now() / 1000) - 600), hit.body, menteeHook.secret)).toBe(false);

    const [delivery] = await deliveriesOf(system, mentee.token, menteeHook.id);
    expect(delivery).toMatchObject({
      id: hit.headers['mentorbridge-delivery'],
      event: 'REQUEST_SENT',
      status: 'SUCCEEDED',
      attempts: 1,
      lastStatusCode: 204,
      lastResponseExcerpt: null,
      nextAttemptAt: null,
    });
    expect(delivery.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it('delivers in event order; a failing delivery holds back later ones until it goes through', async () => {
    const hooks = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    hooks.answer({ status: 500, body: `down for maintenance ${'x'.repeat(3000)}` });

    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    const [failed] = await deliveriesOf(system, mentee.token, id);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500 });
    expect(failed.lastResponseExcerpt).toHaveLength(1024);
    expect(failed.lastResponseExcerpt.startsWith('down for maintenance')).toBe(true);
    const wait = new Date(failed.nextAttemptAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(30_000);
    expect(wait).toBeLessThan(75_000);

    const accepted = await system.gql(ACCEPT_REQUEST, { id: requestId }, mentor.token);
    const mentorshipId = accepted.data.acceptMentorshipRequest.id;
    expect((await system.gql(COMPLETE, { id: mentorshipId }, mentee.token)).data.completeMentorship.status).toBe(
      'COMPLETED',
    );
    await system.settle();
    expect(types(hooks)).toEqual(['request.sent']);

    hooks.answer({ status: 200, body: 'ok' });
    await retryNow(system);
    expect(types(hooks)).toEqual(['request.sent', 'request.sent', 'request.accepted', 'mentorship.completed']);
    const [first, retried] = hooks.received;
    expect(retried.headers['mentorbridge-delivery']).toBe(first.headers['mentorbridge-delivery']);
    expect(retried.body).toBe(first.body);
    expect(hooks.received[2].json.data).toMatchObject({
      id: requestId,
      status: 'ACCEPTED',
      mentorship: { id: mentorshipId },
    });
    expect(hooks.received[3].json.data).toMatchObject({
      id: mentorshipId,
      status: 'COMPLETED',
      request: { id: requestId },
    });

    const log = await deliveriesOf(system, mentee.token, id);
    expect(log.map((d) => [d.event, d.status, d.attempts])).toEqual([
      ['MENTORSHIP_COMPLETED', 'SUCCEEDED', 1],
      ['REQUEST_ACCEPTED', 'SUCCEEDED', 1],
      ['REQUEST_SENT', 'SUCCEEDED', 2],
    ]);
  });

  it('keeps event order when a backlog of events is fanned out at once', async () => {
    const hooks = await receiver();
    await createWebhook(system, mentee.token, hooks.url);
    const mentors = await Promise.all(
      Array.from({ length: 7 }, (_, i) => publishedMentor(system, { displayName: `Mentor ${i}` })),
    );
    // Held back until every event is in the queue, so the fan-out takes them many at a time.
    const webhooks = system.api.get(QueueRegistry).get(QUEUES.webhooks);
    await webhooks.pause();
    const requestIds: string[] = [];
    for (const each of [mentor, ...mentors]) {
      const id = await sendRequest(system, mentee.token, each.profileId);
      expect((await system.gql(WITHDRAW_REQUEST, { id }, mentee.token)).errors).toBeUndefined();
      requestIds.push(id);
    }
    while ((await system.db.query(`SELECT 1 FROM outbox_events WHERE published_at IS NULL`)).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await webhooks.getJobCounts('wait')).toEqual({ wait: 16 });
    await webhooks.resume();
    await system.settle();

    expect(hooks.received.map((hit) => [hit.json.type, hit.json.data.id])).toEqual(
      requestIds.flatMap((id) => [
        ['request.sent', id],
        ['request.withdrawn', id],
      ]),
    );
  });

  it('leaves an event that arrives while the sender is busy to that sender', async () => {
    const hooks = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    let answerFirst = (): void => undefined;
    hooks.answer({ status: 204, until: new Promise<void>((resolve) => (answerFirst = resolve)) });
    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    while (hooks.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

    // The sender holds the webhook, mid-POST, until the withdrawal's row is written: that
    // fan-out wakes nobody, and the sender finds the row before it lets go.
    const wakeUps = system.api.get(QueueRegistry).get(QUEUES.webhookDeliveries);
    const jobs = async () => Object.values(await wakeUps.getJobCounts()).reduce((sum, n) => sum + n, 0);
    const before = await jobs();
    expect((await system.gql(WITHDRAW_REQUEST, { id: requestId }, mentee.token)).errors).toBeUndefined();
    while ((await deliveriesOf(system, mentee.token, id)).length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    hooks.answer({ status: 204 });
    answerFirst();
    await system.settle();
    expect(await jobs()).toBe(before);
    expect(types(hooks)).toEqual(['request.sent', 'request.withdrawn']);
    expect((await deliveriesOf(system, mentee.token, id)).map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('fails a delivery for good after its retries, keeps it, and lets later events through', async () => {
    const hooks = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    hooks.answer({ status: 503 });
    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    for (let retry = 1; retry <= 6; retry++) await retryNow(system);
    expect(types(hooks)).toEqual(Array(7).fill('request.sent'));
    const [failed] = await deliveriesOf(system, mentee.token, id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 7, lastStatusCode: 503, nextAttemptAt: null });

    hooks.answer({ status: 204 });
    await system.gql(WITHDRAW_REQUEST, { id: requestId }, mentee.token);
    await system.settle();
    expect(types(hooks).at(-1)).toBe('request.withdrawn');
    expect((await deliveriesOf(system, mentee.token, id)).map((d) => d.status)).toEqual(['SUCCEEDED', 'FAILED']);
  });

  it('disables a webhook that failed for 3 days, tells its owner in-app and by email, and resumes when saved', async () => {
    const hooks = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    hooks.answer({ status: 500 });
    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    // Three days of failures, without waiting three days.
    await system.db.query(`UPDATE webhooks SET failing_since = now() - interval '3 days 1 minute' WHERE id = $1`, [id]);
    await system.db.query(`UPDATE webhook_deliveries SET created_at = created_at - interval '3 days 1 minute'`);
    await system.api.get(JobScheduler).once('webhook.sweep', {}, { delayMs: 0, jobId: `test-sweep-${Date.now()}` });
    await system.settle();

    const [hook] = await system.db.query(`SELECT enabled, disabled_reason AS reason FROM webhooks WHERE id = $1`, [id]);
    expect(hook).toEqual({ enabled: false, reason: expect.stringMatching(/3 days/) });
    const inbox = await system.gql(NOTIFICATIONS, {}, mentee.token);
    expect(inbox.data.notifications.edges.map((e: any) => e.node.type)).toContain('WEBHOOK_DISABLED');
    const emails = await system.db.query(`SELECT type FROM sent_emails WHERE user_id = $1`, [mentee.userId]);
    expect(emails.map((row: { type: string }) => row.type)).toContain('WEBHOOK_DISABLED');

    // A disabled webhook gets no new deliveries, and redelivering to it is refused.
    await system.gql(DECLINE_REQUEST, { id: requestId, reason: 'SCHEDULE' }, mentor.token);
    await system.settle();
    const log = await deliveriesOf(system, mentee.token, id);
    expect(log.map((d) => d.event)).toEqual(['REQUEST_SENT']);
    expect(errorCode(await system.gql(REDELIVER, { id: log[0].id }, mentee.token))).toBe('CONFLICT');

    // Saving it again turns it back on; the pending delivery follows.
    hooks.answer({ status: 204 });
    const saved = await system.gql(UPDATE_WEBHOOK, { id, input: { url: hooks.url, events: ALL_EVENTS } }, mentee.token);
    expect(saved.data.updateWebhook).toMatchObject({ enabled: true, disabledReason: null });
    await system.api.get(JobScheduler).once('webhook.sweep', {}, { delayMs: 0, jobId: `test-sweep-${Date.now()}` });
    await retryNow(system);
    expect((await deliveriesOf(system, mentee.token, id)).map((d) => d.status)).toEqual(['SUCCEEDED']);
  });

  it('redelivers one delivery on its owner’s request, as a new delivery of the same event', async () => {
    const hooks = await receiver();
    const { id, secret } = await createWebhook(system, mentee.token, hooks.url);
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    const [original] = await deliveriesOf(system, mentee.token, id);

    expect(errorCode(await system.gql(REDELIVER, { id: original.id }, stranger.token))).toBe('NOT_FOUND');
    const again = await system.gql(REDELIVER, { id: original.id }, mentee.token);
    expect(again.data.redeliverWebhookDelivery).toMatchObject({
      event: 'REQUEST_SENT',
      status: 'PENDING',
      attempts: 0,
    });
    await system.settle();

    expect(hooks.received).toHaveLength(2);
    const [first, second] = hooks.received;
    expect(second.json.id).toBe(first.json.id);
    expect(second.body).toBe(first.body);
    expect(second.headers['mentorbridge-delivery']).toBe(again.data.redeliverWebhookDelivery.id);
    expect(second.headers['mentorbridge-delivery']).not.toBe(first.headers['mentorbridge-delivery']);
    expect(verify(String(second.headers['mentorbridge-signature']), second.body, secret)).toBe(true);
    expect((await deliveriesOf(system, mentee.token, id)).map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('gives up on a receiver that hangs, and gets through once it recovers', async () => {
    const hooks = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    hooks.answer('hang');
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    const [hung] = await deliveriesOf(system, mentee.token, id);
    expect(hung).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: null,
      lastResponseExcerpt: 'timed out after 1000 ms',
    });
    expect(hung.lastDurationMs).toBeGreaterThanOrEqual(1000);

    hooks.answer({ status: 202, body: 'accepted' });
    await retryNow(system);
    const [done] = await deliveriesOf(system, mentee.token, id);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 2,
      lastStatusCode: 202,
      lastResponseExcerpt: 'accepted',
    });
  });

  it('does not follow redirects', async () => {
    const hooks = await receiver();
    const elsewhere = await receiver();
    const { id } = await createWebhook(system, mentee.token, hooks.url);
    hooks.answer({ status: 302, body: elsewhere.url });
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    expect(hooks.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expect((await deliveriesOf(system, mentee.token, id))[0]).toMatchObject({ status: 'PENDING', lastStatusCode: 302 });
  });
});
