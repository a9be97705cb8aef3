import {
  ACCEPT_REQUEST,
  errorCode,
  MENTORSHIP_FIELDS,
  publishedMentor,
  sendRequest,
  signUpUser,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const MENTORSHIP = `query ($id: ID!) { mentorship(id: $id) { ${MENTORSHIP_FIELDS} } }`;
const MENTORSHIPS = `query ($status: [MentorshipStatus!], $first: Int, $after: String) {
  mentorships(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status } }
  }
}`;
const PROGRESS = `mutation ($mentorshipId: ID!, $goalId: ID!, $progress: Int!, $note: String) {
  updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progress: $progress, note: $note) {
    goals { id progress }
  }
}`;
const COMPLETE = `mutation ($id: ID!, $note: String) { completeMentorship(id: $id, note: $note) { ${MENTORSHIP_FIELDS} } }`;
const END = `mutation ($id: ID!, $reason: String!) { endMentorship(id: $id, reason: $reason) { ${MENTORSHIP_FIELDS} } }`;

describe('the mentorship lifecycle', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  let mentee: TestUser;
  let stranger: TestUser;
  let mentorship: { id: string; goals: Array<{ id: string }> };

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system);
    mentee = await signUpUser(system, 'Ada Mentee');
    stranger = await signUpUser(system, 'Eve Stranger');
    const requestId = await sendRequest(system, mentee.token, mentor.profileId);
    mentorship = (await system.gql(ACCEPT_REQUEST, { id: requestId }, mentor.token)).data.acceptMentorshipRequest;
  });
  afterAll(() => system.close());

  const transitions = () =>
    system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to", reason FROM mentorship_transitions
        WHERE mentorship_id = $1 ORDER BY id`,
      [mentorship.id],
    );

  it('shows a mentorship to its participants only', async () => {
    for (const token of [mentee.token, mentor.token]) {
      expect((await system.gql(MENTORSHIP, { id: mentorship.id }, token)).data.mentorship.id).toBe(mentorship.id);
      expect((await system.gql(MENTORSHIPS, {}, token)).data.mentorships.totalCount).toBe(1);
    }
    expect(errorCode(await system.gql(MENTORSHIP, { id: mentorship.id }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(MENTORSHIP, { id: 'nope' }, stranger.token))).toBe('NOT_FOUND');
    expect((await system.gql(MENTORSHIPS, {}, stranger.token)).data.mentorships.totalCount).toBe(0);
  });

  it('records goal progress from either participant and keeps the history', async () => {
    const goalId = mentorship.goals[0].id;
    const first = await system.gql(
      PROGRESS,
      { mentorshipId: mentorship.id, goalId, progress: 30, note: 'Kickoff done' },
      mentee.token,
    );
    expect(first.data.updateGoalProgress.goals[0]).toEqual({ id: goalId, progress: 30 });
    await system.gql(PROGRESS, { mentorshipId: mentorship.id, goalId, progress: 55 }, mentor.token);
    const history = await system.db.query(
      `SELECT author_id AS "authorId", progress, note FROM goal_progress_updates WHERE goal_id = $1 ORDER BY id`,
      [goalId],
    );
    expect(history).toEqual([
      { authorId: mentee.userId, progress: 30, note: 'Kickoff done' },
      { authorId: mentor.userId, progress: 55, note: null },
    ]);
  });

  it('refuses progress outside 0..100, a goal of another mentorship, and strangers', async () => {
    const goalId = mentorship.goals[0].id;
    for (const progress of [-1, 101]) {
      const res = await system.gql(PROGRESS, { mentorshipId: mentorship.id, goalId, progress }, mentee.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('input.progress');
    }
    const wrongGoal = await system.gql(
      PROGRESS,
      { mentorshipId: mentorship.id, goalId: '00000000-0000-4000-8000-000000000000', progress: 10 },
      mentee.token,
    );
    expect(errorCode(wrongGoal)).toBe('NOT_FOUND');
    const byStranger = await system.gql(
      PROGRESS,
      { mentorshipId: mentorship.id, goalId, progress: 10 },
      stranger.token,
    );
    expect(errorCode(byStranger)).toBe('NOT_FOUND');
    const [{ n }] = await system.db.query(`SELECT count(*)::int AS n FROM goal_progress_updates`);
    expect(n).toBe(0);
  });

  it('either participant completes it; the transition is recorded', async () => {
    const res = await system.gql(COMPLETE, { id: mentorship.id, note: 'All goals met' }, mentor.token);
    expect(res.data.completeMentorship).toMatchObject({ status: 'COMPLETED' });
    expect(res.data.completeMentorship.endedAt).not.toBeNull();
    expect(await transitions()).toEqual([
      { actorId: mentor.userId, from: null, to: 'ACTIVE', reason: null },
      { actorId: mentor.userId, from: 'ACTIVE', to: 'COMPLETED', reason: 'All goals met' },
    ]);
  });

  it('ending needs a reason', async () => {
    const noReason = await system.gql(END, { id: mentorship.id, reason: ' ' }, mentee.token);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const res = await system.gql(END, { id: mentorship.id, reason: 'Changed jobs' }, mentee.token);
    expect(res.data.endMentorship).toMatchObject({ status: 'ENDED', endReason: 'Changed jobs' });
    expect((await system.gql(MENTORSHIPS, { status: ['ENDED'] }, mentor.token)).data.mentorships.totalCount).toBe(1);
    expect((await system.gql(MENTORSHIPS, { status: ['ACTIVE'] }, mentor.token)).data.mentorships.totalCount).toBe(0);
  });

  it.each([
    ['complete a completed mentorship', COMPLETE, COMPLETE],
    ['end a completed mentorship', COMPLETE, END],
    ['complete an ended mentorship', END, COMPLETE],
    ['end an ended mentorship', END, END],
  ])('refuses to %s with CONFLICT', async (_name, first, second) => {
    expect(
      (await system.gql(first, { id: mentorship.id, reason: 'First finish' }, mentee.token)).errors,
    ).toBeUndefined();
    const res = await system.gql(second, { id: mentorship.id, reason: 'Second finish' }, mentor.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await transitions()).toHaveLength(2);
  });

  it('closes goals once the mentorship is over', async () => {
    await system.gql(COMPLETE, { id: mentorship.id }, mentee.token);
    const res = await system.gql(
      PROGRESS,
      { mentorshipId: mentorship.id, goalId: mentorship.goals[0].id, progress: 90 },
      mentee.token,
    );
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('lets strangers neither complete nor end it', async () => {
    expect(errorCode(await system.gql(COMPLETE, { id: mentorship.id }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(END, { id: mentorship.id, reason: 'Not mine' }, stranger.token))).toBe(
      'NOT_FOUND',
    );
    expect(await transitions()).toHaveLength(1);
  });
});
