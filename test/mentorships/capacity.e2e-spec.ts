import { ACCEPT_REQUEST, errorCode, publishedMentor, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CAPACITY = `query ($id: ID!) {
  mentor(id: $id) { id maxActiveMentees activeMenteeCount acceptingRequests responseRate medianResponseHours }
}`;

describe('mentor capacity', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('20 parallel accepts against one free place make exactly one mentorship', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 2 });
    const mentees = await Promise.all(Array.from({ length: 21 }, (_, i) => signUpUser(system, `Mentee ${i}`)));
    const ids = [];
    for (const mentee of mentees) ids.push(await sendRequest(system, mentee.token, mentor.profileId));
    // One place is already taken, so one is left.
    expect((await system.gql(ACCEPT_REQUEST, { id: ids[0] }, mentor.token)).errors).toBeUndefined();

    const results = await Promise.all(ids.slice(1).map((id) => system.gql(ACCEPT_REQUEST, { id }, mentor.token)));
    expect(results.filter((res) => res.data?.acceptMentorshipRequest).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(19);
    const [{ active }] = await system.db.query(
      `SELECT count(*)::int AS active FROM mentorships WHERE mentor_profile_id = $1 AND status = 'ACTIVE'`,
      [mentor.profileId],
    );
    expect(active).toBe(2);
    // The refused ones stay pending, with nothing half-done left behind.
    const [{ pending, accepted }] = await system.db.query(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted FROM mentorship_requests`,
    );
    expect({ pending, accepted }).toEqual({ pending: 19, accepted: 2 });
  });

  it('a full mentor stops accepting, search hears it, and waiting mentees are told', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 1, displayName: 'Grace Hopper' });
    const first = await signUpUser(system, 'First Mentee');
    const waiting = await signUpUser(system, 'Waiting Mentee');
    const firstId = await sendRequest(system, first.token, mentor.profileId);
    await sendRequest(system, waiting.token, mentor.profileId);
    await system.settle();
    const before = (await system.gql(CAPACITY, { id: mentor.profileId })).data.mentor;
    expect(before).toMatchObject({ activeMenteeCount: 0, acceptingRequests: true, responseRate: null });
    const [{ version: versionBefore }] = await system.db.query(`SELECT version FROM mentor_profiles WHERE id = $1`, [
      mentor.profileId,
    ]);

    await system.gql(ACCEPT_REQUEST, { id: firstId }, mentor.token);
    await system.settle();

    const after = (await system.gql(CAPACITY, { id: mentor.profileId })).data.mentor;
    expect(after).toMatchObject({ activeMenteeCount: 1, acceptingRequests: false, responseRate: 1 });
    expect(after.medianResponseHours).toBeGreaterThanOrEqual(0);
    const events = await system.db.query<Array<{ payload: { profileId: string; version: number } }>>(
      `SELECT payload FROM outbox_events WHERE type = 'mentor_profile.changed' ORDER BY id DESC LIMIT 1`,
    );
    expect(events[0].payload).toEqual({ profileId: mentor.profileId, version: versionBefore + 1 });
    const told = await system.db.query(
      `SELECT user_id AS "userId", title FROM notifications WHERE type = 'MENTOR_FULL'`,
    );
    expect(told).toEqual([{ userId: waiting.userId, title: 'Grace Hopper is full for now' }]);
    const [{ status }] = await system.db.query(`SELECT status FROM mentorship_requests WHERE mentee_id = $1`, [
      waiting.userId,
    ]);
    expect(status).toBe('PENDING');
  });

  it('a place freed by ending a mentorship makes the mentor accept again, with a new version', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 1 });
    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    const mentorshipId = (await system.gql(ACCEPT_REQUEST, { id }, mentor.token)).data.acceptMentorshipRequest.id;
    const [{ version: full }] = await system.db.query(`SELECT version FROM mentor_profiles WHERE id = $1`, [
      mentor.profileId,
    ]);
    await system.gql(
      `mutation ($id: ID!) { endMentorship(id: $id, reason: "We reached a natural stop") { id } }`,
      { id: mentorshipId },
      mentee.token,
    );
    const [{ version: freed }] = await system.db.query(`SELECT version FROM mentor_profiles WHERE id = $1`, [
      mentor.profileId,
    ]);
    expect(freed).toBe(full + 1);
    const profile = (await system.gql(CAPACITY, { id: mentor.profileId })).data.mentor;
    expect(profile).toMatchObject({ activeMenteeCount: 0, acceptingRequests: true });
  });

  it('response rate counts answers against expiries; withdrawals do not count', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 5 });
    const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map((i) => signUpUser(system, `Mentee ${i}`)));
    const accepted = await sendRequest(system, a.token, mentor.profileId);
    const declined = await sendRequest(system, b.token, mentor.profileId);
    const expired = await sendRequest(system, c.token, mentor.profileId);
    const withdrawn = await sendRequest(system, d.token, mentor.profileId);
    // Answers after known delays, so the median is checkable: 2h and 4h after sending.
    await system.db.query(`UPDATE mentorship_requests SET created_at = now() - interval '2 hours' WHERE id = $1`, [
      accepted,
    ]);
    await system.db.query(`UPDATE mentorship_requests SET created_at = now() - interval '4 hours' WHERE id = $1`, [
      declined,
    ]);
    await system.gql(ACCEPT_REQUEST, { id: accepted }, mentor.token);
    await system.gql(
      `mutation ($id: ID!) { declineMentorshipRequest(id: $id, reason: NOT_A_FIT) { id } }`,
      { id: declined },
      mentor.token,
    );
    await system.gql(`mutation ($id: ID!) { withdrawMentorshipRequest(id: $id) { id } }`, { id: withdrawn }, d.token);
    await system.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired,
    ]);
    await system.api.get((await import('@app/domain')).RequestsService).expireOverdue();

    const profile = (await system.gql(CAPACITY, { id: mentor.profileId })).data.mentor;
    expect(profile.responseRate).toBeCloseTo(2 / 3, 5);
    expect(profile.medianResponseHours).toBeCloseTo(3, 1);
  });
});
