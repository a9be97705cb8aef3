import { RequestsService } from '@app/domain';
import { JobScheduler, QUEUES, QueueRegistry } from '@app/platform';
import { publishedMentor, REQUEST_BY_ID, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('request expiry', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const lifecycle = () => system.api.get(QueueRegistry).get(QUEUES.lifecycle);
  /** Moves a request's deadline into the past: time travel for the row, not for the clock. */
  const makeOverdue = (id: string) =>
    system.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const statusOf = async (id: string, token: string): Promise<string> =>
    (await system.gql(REQUEST_BY_ID, { id }, token)).data.mentorshipRequest.status;

  it('arms a timer for the expiry time when a request is sent, and expires it when the timer runs', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    const timer = await lifecycle().getJob(`expire-${id}`);
    expect(timer).toBeDefined();
    expect(await timer!.getState()).toBe('delayed');
    const expiresAt = (await system.gql(REQUEST_BY_ID, { id }, mentee.token)).data.mentorshipRequest.expiresAt;
    expect(Math.abs(timer!.timestamp + timer!.opts.delay! - Date.parse(expiresAt))).toBeLessThan(5_000);

    // The 'sent' event delivered again arms no second timer.
    const [armed] = (await lifecycle().getJobs(['completed'])).filter(
      (job) => job.name === 'mentorship_request.transitioned',
    );
    await lifecycle().add(armed.name, armed.data, { jobId: `redelivery-${id}` });
    await system.settle();
    const timers = (await lifecycle().getJobs(['delayed'])).filter((job) => job.name === 'mentorship_request.expire');
    expect(timers.map((job) => job.id)).toEqual([`expire-${id}`]);

    // An expiry job that runs early changes nothing: the request is not due yet.
    await system.api
      .get(JobScheduler)
      .once('mentorship_request.expire', { requestId: id }, { delayMs: 0, jobId: `early-${id}` });
    await system.settle();
    expect(await statusOf(id, mentee.token)).toBe('PENDING');

    // Fourteen days later (the row's deadline moved, not the clock), the armed timer fires.
    await makeOverdue(id);
    await timer!.promote();
    await system.settle();
    expect(await statusOf(id, mentee.token)).toBe('EXPIRED');
    const transitions = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to" FROM mentorship_request_transitions
        WHERE request_id = $1 ORDER BY id`,
      [id],
    );
    expect(transitions[1]).toEqual({ actorId: null, from: 'PENDING', to: 'EXPIRED' });
    const told = await system.db.query<Array<{ userId: string }>>(
      `SELECT user_id AS "userId" FROM notifications WHERE type = 'REQUEST_EXPIRED'`,
    );
    expect(told.map((row) => row.userId).sort()).toEqual([mentee.userId, mentor.userId].sort());
  });

  it('the sweep expires what a lost timer missed, and only what is due', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const lost = await sendRequest(system, mentee.token, mentor.profileId);
    const other = await publishedMentor(system);
    const fresh = await sendRequest(system, mentee.token, other.profileId);
    await system.settle();
    await (await lifecycle().getJob(`expire-${lost}`))!.remove();
    await makeOverdue(lost);

    await system.api
      .get(JobScheduler)
      .once('mentorship_request.expiry_sweep', {}, { delayMs: 0, jobId: `sweep-${Date.now()}` });
    await system.settle();
    expect(await statusOf(lost, mentee.token)).toBe('EXPIRED');
    expect(await statusOf(fresh, mentee.token)).toBe('PENDING');
  });

  it('expiring twice (timer and sweep both arriving) records one transition', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await makeOverdue(id);
    const requests = system.api.get(RequestsService);
    const results = await Promise.all([requests.expire(id), requests.expire(id), requests.expireOverdue()]);
    expect(results.filter((result) => result === true || result === 1)).toHaveLength(1);
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM mentorship_request_transitions WHERE to_status = 'EXPIRED'`,
    );
    expect(n).toBe(1);
  });

  it('schedules the periodic sweep when the worker starts', async () => {
    // Scheduling never blocks start-up, so it may land a moment after the worker is up.
    const deadline = Date.now() + 5_000;
    let keys: string[] = [];
    while (!keys.includes('mentorship_request.expiry_sweep') && Date.now() < deadline) {
      keys = (await lifecycle().getJobSchedulers()).map((scheduler) => scheduler.key);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(keys).toContain('mentorship_request.expiry_sweep');
  });
});
