import {
  activeMentorship,
  BOOK_SESSION,
  errorCode,
  hoursFromNow,
  signUpUser,
  type TestMentorship,
  type TestUser,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { heldSession } from './feedback-fixtures.js';

const CHECK_IN = `mutation ($input: CheckInInput!) {
  submitCheckIn(input: $input) { id usefulness note nextSteps createdAt author { id } }
}`;
const SESSION_CHECK_INS = `query ($id: ID!) { session(id: $id) { checkIns { id usefulness note author { id } } } }`;
const GOALS = `query ($id: ID!) { mentorship(id: $id) { goals { id progress } } }`;

describe('check-ins', () => {
  let system: TestSystem;
  let pair: TestMentorship;
  let stranger: TestUser;

  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await activeMentorship(system);
    stranger = await signUpUser(system, 'Eve Stranger');
  });
  afterAll(() => system.close());

  const checkIn = (token: string, input: Record<string, unknown>) => system.gql(CHECK_IN, { input }, token);
  const seen = async (sessionId: string, token: string) =>
    (await system.gql(SESSION_CHECK_INS, { id: sessionId }, token)).data.session.checkIns;
  const count = async () => (await system.db.query(`SELECT count(*)::int AS n FROM check_ins`))[0].n;

  it('refuses strangers, sessions not held, bad input and a second check-in, each with its code', async () => {
    const booked = await system.gql(
      BOOK_SESSION,
      { input: { mentorshipId: pair.id, startsAt: hoursFromNow(3), durationMinutes: 60 } },
      pair.mentee.token,
    );
    const upcoming = booked.data.bookSession.id;
    expect(errorCode(await checkIn(pair.mentee.token, { sessionId: upcoming, usefulness: 4 }))).toBe('CONFLICT');

    const sessionId = await heldSession(system, pair);
    expect(errorCode(await checkIn(stranger.token, { sessionId, usefulness: 4 }))).toBe('NOT_FOUND');
    expect(errorCode(await checkIn(stranger.token, { sessionId: 'nope', usefulness: 4 }))).toBe('NOT_FOUND');
    for (const [input, field] of [
      [{ usefulness: 0 }, 'input.usefulness'],
      [{ usefulness: 6 }, 'input.usefulness'],
      [{ usefulness: 3, note: 'x'.repeat(2001) }, 'input.note'],
      [{ usefulness: 3, nextSteps: 'x'.repeat(1001) }, 'input.nextSteps'],
      [{ usefulness: 3, goalProgress: [{ goalId: 'x', progress: 101 }] }, 'input.goalProgress[0].progress'],
    ] as const) {
      const res = await checkIn(pair.mentee.token, { sessionId, ...input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    // Goal progress is the mentee's to report.
    const goals = (await system.gql(GOALS, { id: pair.id }, pair.mentor.token)).data.mentorship.goals;
    const byMentor = await checkIn(pair.mentor.token, {
      sessionId,
      usefulness: 4,
      goalProgress: [{ goalId: goals[0].id, progress: 50 }],
    });
    expect(errorCode(byMentor)).toBe('BAD_USER_INPUT');
    expect(byMentor.errors?.[0]?.extensions?.field).toBe('input.goalProgress');
    expect(await count()).toBe(0);

    const twice = await Promise.all([1, 2, 3].map(() => checkIn(pair.mentee.token, { sessionId, usefulness: 4 })));
    expect(twice.filter((res) => res.data?.submitCheckIn)).toHaveLength(1);
    expect(twice.filter((res) => errorCode(res) === 'CONFLICT')).toHaveLength(2);
    expect(await count()).toBe(1);
  });

  it('shows the other side’s check-in only after the viewer submitted their own', async () => {
    const sessionId = await heldSession(system, pair);
    const mine = await checkIn(pair.mentee.token, { sessionId, usefulness: 5, note: 'Loved the design review' });
    expect(mine.data.submitCheckIn).toMatchObject({ usefulness: 5, author: { id: pair.mentee.userId } });

    expect(await seen(sessionId, pair.mentor.token)).toEqual([]);
    expect(await seen(sessionId, pair.mentee.token)).toEqual([
      {
        id: mine.data.submitCheckIn.id,
        usefulness: 5,
        note: 'Loved the design review',
        author: { id: pair.mentee.userId },
      },
    ]);

    await checkIn(pair.mentor.token, { sessionId, usefulness: 4, note: 'Good questions', nextSteps: 'Draft the RFC' });
    for (const token of [pair.mentee.token, pair.mentor.token]) {
      const authors = (await seen(sessionId, token)).map((c: { author: { id: string } }) => c.author.id);
      expect(authors.sort()).toEqual([pair.mentee.userId, pair.mentor.userId].sort());
    }
  });

  it('moves the mentee’s goals through the updateGoalProgress path, history kept, all or nothing', async () => {
    const sessionId = await heldSession(system, pair);
    const goals = (await system.gql(GOALS, { id: pair.id }, pair.mentee.token)).data.mentorship.goals;
    const unknownGoal = await checkIn(pair.mentee.token, {
      sessionId,
      usefulness: 4,
      goalProgress: [
        { goalId: goals[0].id, progress: 40 },
        { goalId: '00000000-0000-4000-8000-000000000000', progress: 10 },
      ],
    });
    expect(errorCode(unknownGoal)).toBe('NOT_FOUND');
    expect(await count()).toBe(0);

    const res = await checkIn(pair.mentee.token, {
      sessionId,
      usefulness: 4,
      goalProgress: [
        { goalId: goals[0].id, progress: 40 },
        { goalId: goals[1].id, progress: 15 },
      ],
    });
    expect(res.errors).toBeUndefined();
    const after = (await system.gql(GOALS, { id: pair.id }, pair.mentee.token)).data.mentorship.goals;
    expect(after.map((g: { progress: number }) => g.progress)).toEqual([40, 15]);
    const history = await system.db.query(
      `SELECT goal_id AS "goalId", author_id AS "authorId", progress FROM goal_progress_updates ORDER BY id`,
    );
    expect(history).toEqual([
      { goalId: goals[0].id, authorId: pair.mentee.userId, progress: 40 },
      { goalId: goals[1].id, authorId: pair.mentee.userId, progress: 15 },
    ]);
  });

  it('asks each participant once per held session for a check-in', async () => {
    const sessionId = await heldSession(system, pair);
    await system.settle();
    const asked = async () =>
      system.db.query<Array<{ userId: string }>>(
        `SELECT user_id AS "userId" FROM notifications WHERE type = 'CHECK_IN_REQUESTED' ORDER BY user_id`,
      );
    expect((await asked()).map((row) => row.userId)).toEqual([pair.mentee.userId, pair.mentor.userId].sort());

    // The completion event delivered again (as a fresh job) asks nobody twice.
    const outbox = await system.db.query(
      `SELECT uid, type, payload FROM outbox_events WHERE type = 'session.completed' AND payload->>'sessionId' = $1`,
      [sessionId],
    );
    expect(outbox).toHaveLength(1);
    await system.db.query(`INSERT INTO outbox_events (type, payload) VALUES ('session.completed', $1)`, [
      JSON.stringify(outbox[0].payload),
    ]);
    await system.settle();
    expect(await asked()).toHaveLength(2);
  });
});
