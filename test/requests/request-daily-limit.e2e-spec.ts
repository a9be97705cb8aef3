import {
  errorCode,
  publishedMentor,
  requestInput,
  SEND_REQUEST,
  sendRequest,
  signUpUser,
  startTestSystem,
  WITHDRAW_REQUEST,
  type TestSystem,
} from '@app/testing';

const DAILY_LIMIT = 3;

describe('the daily cap on requests a mentee sends', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { REQUEST_DAILY_LIMIT: String(DAILY_LIMIT) } });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const send = (token: string, mentorId: string) =>
    system.gql(SEND_REQUEST, { input: requestInput(mentorId) }, token);
  const requestCount = async (): Promise<number> =>
    (await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM mentorship_requests`))[0].n;

  it('refuses the next send with RATE_LIMITED and retryAfterSeconds; withdrawn requests still count', async () => {
    const mentors = await Promise.all(Array.from({ length: DAILY_LIMIT + 1 }, () => publishedMentor(system)));
    const mentee = await signUpUser(system);
    const ids = [];
    for (const mentor of mentors.slice(0, DAILY_LIMIT)) ids.push(await sendRequest(system, mentee.token, mentor.profileId));
    await system.gql(WITHDRAW_REQUEST, { id: ids[0] }, mentee.token);

    const over = await send(mentee.token, mentors[DAILY_LIMIT].profileId);
    expect(errorCode(over)).toBe('RATE_LIMITED');
    const retryAfter = over.errors![0].extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(86_400 - 120);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await requestCount()).toBe(DAILY_LIMIT);
    // Someone else's budget is their own.
    expect((await send((await signUpUser(system)).token, mentors[DAILY_LIMIT].profileId)).errors).toBeUndefined();
  });

  it('counts a rolling 24 hours: once the oldest send is a day old, one more may go', async () => {
    const mentors = await Promise.all(Array.from({ length: DAILY_LIMIT + 2 }, () => publishedMentor(system)));
    const mentee = await signUpUser(system);
    const ids = [];
    for (const mentor of mentors.slice(0, DAILY_LIMIT)) ids.push(await sendRequest(system, mentee.token, mentor.profileId));
    await system.db.query(`UPDATE mentorship_requests SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      ids[0],
    ]);
    expect((await send(mentee.token, mentors[DAILY_LIMIT].profileId)).errors).toBeUndefined();
    expect(errorCode(await send(mentee.token, mentors[DAILY_LIMIT + 1].profileId))).toBe('RATE_LIMITED');
  });

  it('holds under parallel sends: exactly the cap goes through', async () => {
    const mentors = await Promise.all(Array.from({ length: 2 * DAILY_LIMIT }, () => publishedMentor(system)));
    const mentee = await signUpUser(system);
    const results = await Promise.all(mentors.map((mentor) => send(mentee.token, mentor.profileId)));
    expect(results.filter((res) => res.data?.sendMentorshipRequest)).toHaveLength(DAILY_LIMIT);
    expect(results.filter((res) => errorCode(res) === 'RATE_LIMITED')).toHaveLength(DAILY_LIMIT);
    expect(await requestCount()).toBe(DAILY_LIMIT);
  });
});
