import { jobIdForEvent, QueueRegistry, QUEUES, type EventJob } from '@app/platform';
import { resetDatabase } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('a job delivered twice', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('has one effect', async () => {
    const res = await system.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
      input: { email: 'twice@example.com', password: 'a long enough secret', displayName: 'Twice', timeZone: 'UTC' },
    });
    await system.settle();
    const [event] = await system.db.query<
      Array<{ id: string; sequence: number; created_at: Date; payload: { userId: string } }>
    >(`SELECT uid::text AS id, id::int AS sequence, created_at, payload FROM outbox_events`);

    // Redeliver the same event as a new job, as a relay crash between enqueue and commit would.
    const queue = system.api.get(QueueRegistry).get(QUEUES.notifications);
    const job: EventJob<'user.signed_up'> = {
      eventId: event.id,
      sequence: event.sequence,
      type: 'user.signed_up',
      occurredAt: event.created_at.toISOString(),
      payload: event.payload,
    };
    await queue.add('user.signed_up', job, { jobId: `redelivery-${event.id}` });
    await system.settle();

    const rows = await system.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`,
      [res.data.signUp.user.id],
    );
    expect(rows[0].n).toBe(1);
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 2 });
  });

  it('is enqueued under its event uid, so the relay cannot add it twice', async () => {
    await system.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
      input: { email: 'jobid@example.com', password: 'a long enough secret', displayName: 'Job', timeZone: 'UTC' },
    });
    await system.settle();
    const [event] = await system.db.query<Array<{ uid: string }>>(`SELECT uid::text AS uid FROM outbox_events`);
    const queue = system.api.get(QueueRegistry).get(QUEUES.notifications);
    expect(await queue.getJob(jobIdForEvent(event.uid))).toBeDefined();
  });

  it('survives a rebuilt database: a reused serial id never collides with an old job', async () => {
    const signUp = (email: string) =>
      system.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
        input: { email, password: 'a long enough secret', displayName: 'Again', timeZone: 'UTC' },
      });
    await signUp('first@example.com');
    await system.settle();
    // Truncate tables (serial ids restart) but keep the completed jobs in Redis.
    await resetDatabase(system.db);
    const second = await signUp('second@example.com');
    await system.settle();
    const rows = await system.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`,
      [second.data.signUp.user.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
