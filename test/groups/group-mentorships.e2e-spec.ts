import {
  ACCEPT_JOIN,
  BOOK_GROUP_SESSION,
  createGroup,
  hoursFromNow,
  publishedMentor,
  sendRequest,
  setAvailability,
  signUpUser,
  SUBMIT_REVIEW,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { SessionCadenceService } from '@app/domain';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const MENTORSHIP = `query ($id: ID!) { mentorship(id: $id) { health goals { id progress } group { id } } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { submitCheckIn(input: $input) { id } }`;

describe("a group member's mentorship with the host", () => {
  let system: TestSystem;
  let host: TestMentor;
  let groupId: string;
  let member: TestUser;
  let mentorshipId: string;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(async () => {
    await system.reset();
    host = await publishedMentor(system);
    await setAvailability(system, host);
    groupId = await createGroup(system, host.token, { capacity: 5, sessionLengthMinutes: 60 });
    member = await signUpUser(system, 'Ada');
    const requestId = await sendRequest(system, member.token, host.profileId, {
      groupId,
      format: 'GROUP',
      cadence: 'WEEKLY',
    });
    const accepted = await system.gql(ACCEPT_JOIN, { id: requestId }, host.token);
    if (!accepted.data) throw new Error(`accept failed: ${JSON.stringify(accepted.errors)}`);
    mentorshipId = accepted.data.acceptMentorshipRequest.id;
  });
  afterAll(() => system.close());

  const view = async () => (await system.gql(MENTORSHIP, { id: mentorshipId }, member.token)).data.mentorship;
  /** Moves the mentorship's start back in time: time travel for rows, not the clock. */
  const age = (days: number) =>
    system.db.query(`UPDATE mentorships SET started_at = started_at - make_interval(days => $2) WHERE id = $1`, [
      mentorshipId,
      days,
    ]);
  /** A group session booked, moved into the past and completed by the host; its id. */
  async function heldGroupSession(): Promise<string> {
    const booked = await system.gql(
      BOOK_GROUP_SESSION,
      { input: { groupId, startsAt: hoursFromNow(30), durationMinutes: 60 } },
      host.token,
    );
    if (!booked.data) throw new Error(`bookGroupSession failed: ${JSON.stringify(booked.errors)}`);
    const id: string = booked.data.bookGroupSession.id;
    await system.db.query(
      `WITH s AS (UPDATE sessions SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
                   WHERE id = $1 RETURNING starts_at, ends_at)
       UPDATE session_participants SET during = tstzrange(s.starts_at, s.ends_at) FROM s WHERE session_id = $1`,
      [id],
    );
    const done = await system.gql(`mutation ($id: ID!) { completeSession(id: $id) { status } }`, { id }, host.token);
    if (done.data?.completeSession?.status !== 'COMPLETED') {
      throw new Error(`completeSession failed: ${JSON.stringify(done.errors)}`);
    }
    return id;
  }

  it("counts the group's sessions the member attends for cadence and health, and takes goal progress from check-ins", async () => {
    await age(20);
    const lapsed = async () =>
      (await system.api.get(SessionCadenceService).lapsed()).map((entry) => entry.mentorship.id);
    expect(await lapsed()).toEqual([mentorshipId]);
    expect(await view()).toMatchObject({ health: 'NEEDS_ATTENTION', group: { id: groupId } });

    const sessionId = await heldGroupSession();
    expect(await lapsed()).toEqual([]);
    const goalId = (await view()).goals[0].id;
    const checkIn = await system.gql(
      CHECK_IN,
      { input: { sessionId, usefulness: 5, goalProgress: [{ goalId, progress: 40 }] } },
      member.token,
    );
    expect(checkIn.errors).toBeUndefined();
    expect(await view()).toMatchObject({
      health: 'ON_TRACK',
      goals: expect.arrayContaining([{ id: goalId, progress: 40 }]),
    });

    // The host reports no goals of their own at a group session.
    const hostGoals = await system.gql(
      CHECK_IN,
      { input: { sessionId, usefulness: 4, goalProgress: [{ goalId, progress: 90 }] } },
      host.token,
    );
    expect(hostGoals.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.goalProgress' });
  });

  it("lists the group sessions the member attends as the mentorship's sessions, and the next one", async () => {
    await age(1);
    const held = await heldGroupSession();
    const booked = await system.gql(
      BOOK_GROUP_SESSION,
      { input: { groupId, startsAt: hoursFromNow(54), durationMinutes: 60 } },
      host.token,
    );
    const upcoming: string = booked.data.bookGroupSession.id;
    const sessions = await system.gql(
      `query ($id: ID!) { mentorship(id: $id) { sessions { totalCount edges { node { id } } } nextSession { id } } }`,
      { id: mentorshipId },
      member.token,
    );
    expect(sessions.errors).toBeUndefined();
    expect(sessions.data.mentorship).toEqual({
      sessions: { totalCount: 2, edges: [{ node: { id: held } }, { node: { id: upcoming } }] },
      nextSession: { id: upcoming },
    });
  });

  it('is ended by leaving or closing the group, not by endMentorship or completeMentorship', async () => {
    for (const [verb, token] of [
      ['endMentorship(id: $id, reason: "moving on")', member.token],
      ['completeMentorship(id: $id)', host.token],
    ] as const) {
      const refused = await system.gql(`mutation ($id: ID!) { ${verb} { status } }`, { id: mentorshipId }, token);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining('leaves the group'),
        extensions: { code: 'CONFLICT' },
      });
    }
    expect((await view()).group).toEqual({ id: groupId });
    const status = await system.db.query(`SELECT status FROM mentorships WHERE id = $1`, [mentorshipId]);
    expect(status).toEqual([{ status: 'ACTIVE' }]);

    const left = await system.gql(`mutation ($id: ID!) { leaveGroup(id: $id) { id } }`, { id: groupId }, member.token);
    expect(left.errors).toBeUndefined();
    const ended = await system.db.query(`SELECT status FROM mentorships WHERE id = $1`, [mentorshipId]);
    expect(ended).toEqual([{ status: 'ENDED' }]);
  });

  it('lets the member review the host once they attended a held group session, not before', async () => {
    const review = () => system.gql(SUBMIT_REVIEW, { input: { mentorshipId, rating: 5 } }, member.token);
    expect((await review()).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await age(1);
    await heldGroupSession();
    expect((await review()).errors).toBeUndefined();
  });

  it("does not count against the host's one-to-one places, nor bar a one-to-one request", async () => {
    const [row] = await system.db.query(
      `SELECT count(*)::int AS n FROM mentorships WHERE mentor_profile_id = $1 AND status = 'ACTIVE'`,
      [host.profileId],
    );
    expect(row.n).toBe(1);
    const oneToOne = await sendRequest(system, member.token, host.profileId);
    const accepted = await system.gql(ACCEPT_JOIN, { id: oneToOne }, host.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptMentorshipRequest).toMatchObject({ status: 'ACTIVE', group: null });
  });
});
