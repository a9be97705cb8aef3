import { activeMentorship, type TestMentorship } from '@app/testing';
import { MentorshipHealthService } from '@app/domain';
import { JobScheduler } from '@app/platform';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { heldSession } from './feedback-fixtures.js';

const HEALTH = `query ($id: ID!) { mentorship(id: $id) { health goals { id } } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { submitCheckIn(input: $input) { id } }`;

describe('mentorship health', () => {
  let system: TestSystem;
  let pair: TestMentorship;

  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await activeMentorship(system, { cadence: 'WEEKLY' });
  });
  afterAll(() => system.close());

  const health = async () => (await system.gql(HEALTH, { id: pair.id }, pair.mentee.token)).data.mentorship.health;
  /** Moves the mentorship's start (and all its history) back in time: time travel for rows, not the clock. */
  const age = (days: number) =>
    system.db.query(`UPDATE mentorships SET started_at = started_at - make_interval(days => $2) WHERE id = $1;`, [
      pair.id,
      days,
    ]);
  const sweep = async () => {
    await system.api
      .get(JobScheduler)
      .once('mentorship.health_sweep', {}, { delayMs: 0, jobId: `health-${Date.now()}-${Math.random()}` });
    await system.settle();
  };
  const stalledNotices = async () =>
    (
      await system.db.query<Array<{ userId: string }>>(
        `SELECT user_id AS "userId" FROM notifications WHERE type = 'MENTORSHIP_STALLED' ORDER BY user_id`,
      )
    ).map((row) => row.userId);

  it('moves from ON_TRACK to NEEDS_ATTENTION to STALLED as time passes, and back when they meet', async () => {
    expect(await health()).toBe('ON_TRACK');
    await age(16); // no session for over two weekly windows: cadence lapsed
    expect(await health()).toBe('NEEDS_ATTENTION');
    await age(10); // and no goal progress for over three windows
    expect(await health()).toBe('STALLED');

    const sessionId = await heldSession(system, pair);
    const goalId = (await system.gql(HEALTH, { id: pair.id }, pair.mentee.token)).data.mentorship.goals[0].id;
    await system.gql(
      CHECK_IN,
      { input: { sessionId, usefulness: 5, goalProgress: [{ goalId, progress: 30 }] } },
      pair.mentee.token,
    );
    expect(await health()).toBe('ON_TRACK');
  });

  it('a held session with poor or missing check-ins needs attention', async () => {
    await heldSession(system, pair);
    expect(await health()).toBe('NEEDS_ATTENTION');
  });

  it('tells both participants once when it turns STALLED, however many sweeps run', async () => {
    await sweep();
    expect(await stalledNotices()).toEqual([]);
    await age(30);
    await sweep();
    await sweep();
    expect(await stalledNotices()).toEqual([pair.mentee.userId, pair.mentor.userId].sort());
    const [{ health: recorded }] = await system.db.query(
      `SELECT health FROM mentorship_health_states WHERE mentorship_id = $1`,
      [pair.id],
    );
    expect(recorded).toBe('STALLED');
  });

  it('two sweeps racing record the stall once and tell each participant once', async () => {
    await age(30);
    const health = system.api.get(MentorshipHealthService);
    const stalled = await Promise.all([health.recordChanges(), health.recordChanges(), health.recordChanges()]);
    expect(stalled.reduce((sum, n) => sum + n, 0)).toBe(1);
    await system.settle();
    expect(await stalledNotices()).toEqual([pair.mentee.userId, pair.mentor.userId].sort());
  });
});
