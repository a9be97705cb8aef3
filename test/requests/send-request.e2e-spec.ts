import { errorCode, publishedMentor, requestInput, SEND_REQUEST, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('sending a mentorship request', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const count = async (table: string): Promise<number> => {
    const [row] = await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  };

  it('stores the request with its goals, a recorded transition and an expiry', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system, 'Ada Mentee');
    const before = Date.now();
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token);
    expect(res.errors).toBeUndefined();
    const request = res.data.sendMentorshipRequest;
    expect(request).toMatchObject({
      status: 'PENDING',
      format: 'ONE_ON_ONE',
      cadence: 'BIWEEKLY',
      channel: 'VIDEO',
      durationWeeks: 12,
      topics: ['leadership', 'architecture'],
      confidentialityNote: 'Please keep my employer private',
      respondedAt: null,
      mentorship: null,
      mentee: { id: mentee.userId, displayName: 'Ada Mentee' },
      mentor: { id: mentor.profileId, user: { id: mentor.userId } },
    });
    expect(request.goals).toEqual([
      expect.objectContaining({ title: 'Lead my first team', targetDate: '2027-03-01', progress: 0 }),
      expect.objectContaining({ title: 'Design a service end to end', successCriteria: null, targetDate: null }),
    ]);
    const expiresIn = Date.parse(request.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(14 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThan(14 * 86_400_000 + 60_000);
    const transitions = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to" FROM mentorship_request_transitions`,
    );
    expect(transitions).toEqual([{ actorId: mentee.userId, from: null, to: 'PENDING' }]);
  });

  it.each([
    ['no goals', { goals: [] }, 'input.goals'],
    ['six goals', { goals: Array.from({ length: 6 }, (_, i) => ({ title: `Goal number ${i}` })) }, 'input.goals'],
    ['a goal title too short', { goals: [{ title: 'ab' }] }, 'input.goals[0].title'],
    ['a motivation too short', { motivation: 'Too short to say why.' }, 'input.motivation'],
    ['a motivation too long', { motivation: 'x'.repeat(2001) }, 'input.motivation'],
    ['zero weeks', { durationWeeks: 0 }, 'input.durationWeeks'],
    ['53 weeks', { durationWeeks: 53 }, 'input.durationWeeks'],
    ['eleven topics', { topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }, 'input.topics'],
    ['a format the mentor does not offer', { format: 'CIRCLE' }, 'input.format'],
  ])('refuses %s with BAD_USER_INPUT and saves nothing', async (_name, overrides, field) => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId, overrides) }, mentee.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await count('mentorship_requests')).toBe(0);
    expect(await count('goals')).toBe(0);
  });

  it('refuses asking yourself with BAD_USER_INPUT', async () => {
    const mentor = await publishedMentor(system);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentor.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.mentorId');
    expect(await count('mentorship_requests')).toBe(0);
  });

  it('refuses an unknown or malformed mentor id with NOT_FOUND', async () => {
    const mentee = await signUpUser(system);
    for (const mentorId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await system.gql(SEND_REQUEST, { input: requestInput(mentorId) }, mentee.token);
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
  });

  it('refuses a mentor whose profile is not published with CONFLICT', async () => {
    const mentor = await publishedMentor(system);
    await system.gql(`mutation { pauseMentorProfile { id } }`, {}, mentor.token);
    const mentee = await signUpUser(system);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await count('mentorship_requests')).toBe(0);
  });

  it('refuses a second pending request to the same mentor with CONFLICT', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    await sendRequest(system, mentee.token, mentor.profileId);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await count('mentorship_requests')).toBe(1);
  });

  it('lets two parallel sends to the same mentor make exactly one request', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token),
      ),
    );
    expect(results.filter((res) => res.data?.sendMentorshipRequest).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(7);
    expect(await count('mentorship_requests')).toBe(1);
    expect(await count('goals')).toBe(2);
  });

  it('refuses a sixth pending request with CONFLICT, even when sent in parallel', async () => {
    const mentee = await signUpUser(system);
    const mentors = await Promise.all(Array.from({ length: 7 }, () => publishedMentor(system)));
    const results = await Promise.all(
      mentors.map((mentor) => system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token)),
    );
    expect(results.filter((res) => res.data?.sendMentorshipRequest).length).toBe(5);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(2);
    expect(await count('mentorship_requests')).toBe(5);
  });

  it('refuses a request when the two already have an active mentorship, with CONFLICT', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.gql(`mutation ($id: ID!) { acceptMentorshipRequest(id: $id) { id } }`, { id }, mentor.token);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, mentee.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await count('mentorship_requests')).toBe(1);
  });

  it('refuses a request to a mentor at capacity with CONFLICT', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 1 });
    const first = await signUpUser(system);
    const id = await sendRequest(system, first.token, mentor.profileId);
    await system.gql(`mutation ($id: ID!) { acceptMentorshipRequest(id: $id) { id } }`, { id }, mentor.token);
    const second = await signUpUser(system);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) }, second.token);
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('requires sign-in', async () => {
    const mentor = await publishedMentor(system);
    const res = await system.gql(SEND_REQUEST, { input: requestInput(mentor.profileId) });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});
