import {
  DECLINE_REQUEST,
  errorCode,
  publishedMentor,
  requestInput,
  SEND_REQUEST,
  sendRequest,
  signUpUser,
  WITHDRAW_REQUEST,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const COOLDOWN_DAYS = 2;
const COOLDOWN_SECONDS = COOLDOWN_DAYS * 86_400;
const DAILY_LIMIT = 3;

const send = (system: TestSystem, token: string, mentorId: string) =>
  system.gql(SEND_REQUEST, { input: requestInput(mentorId) }, token);
const requestCount = async (system: TestSystem): Promise<number> =>
  (await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM mentorship_requests`))[0].n;

/** `mentorCount` published mentors, and one mentee who has asked each of the first DAILY_LIMIT. */
async function sendUpToTheCap(system: TestSystem, mentorCount: number) {
  const mentors = await Promise.all(Array.from({ length: mentorCount }, () => publishedMentor(system)));
  const mentee = await signUpUser(system);
  const ids: string[] = [];
  for (const mentor of mentors.slice(0, DAILY_LIMIT))
    ids.push(await sendRequest(system, mentee.token, mentor.profileId));
  return { mentors, mentee, ids };
}

describe('asking the same mentor again after a withdrawal or a decline', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { REQUEST_COOLDOWN_DAYS: String(COOLDOWN_DAYS) } });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it.each(['withdrawn', 'declined'])(
    'is refused with CONFLICT and retryAfterSeconds for the cooling-off period once %s; other mentors are fine',
    async (ending) => {
      const mentor = await publishedMentor(system);
      const other = await publishedMentor(system);
      const mentee = await signUpUser(system);
      const id = await sendRequest(system, mentee.token, mentor.profileId);
      if (ending === 'withdrawn') await system.gql(WITHDRAW_REQUEST, { id }, mentee.token);
      else await system.gql(DECLINE_REQUEST, { id, reason: 'NOT_A_FIT' }, mentor.token);

      const again = await send(system, mentee.token, mentor.profileId);
      expect(errorCode(again)).toBe('CONFLICT');
      const retryAfter = again.errors![0].extensions!.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(COOLDOWN_SECONDS - 60);
      expect(retryAfter).toBeLessThanOrEqual(COOLDOWN_SECONDS);
      expect(await requestCount(system)).toBe(1);
      expect((await send(system, mentee.token, other.profileId)).errors).toBeUndefined();
      // Another mentee is not held back by someone else's history.
      expect((await send(system, (await signUpUser(system)).token, mentor.profileId)).errors).toBeUndefined();
    },
  );

  it('lets the mentee ask again once the period is over', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.gql(WITHDRAW_REQUEST, { id }, mentee.token);
    await system.db.query(
      `UPDATE mentorship_request_transitions SET at = at - make_interval(days => $1, mins => 1) WHERE request_id = $2`,
      [COOLDOWN_DAYS, id],
    );
    expect((await send(system, mentee.token, mentor.profileId)).errors).toBeUndefined();
  });

  it('a send racing the withdrawal or decline of the pending request to that mentor is always refused', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    for (let round = 0; round < 6; round++) {
      await system.db.query(`DELETE FROM mentorship_requests`);
      const id = await sendRequest(system, mentee.token, mentor.profileId);
      const [ended, sent] = await Promise.all([
        round % 2 === 0
          ? system.gql(WITHDRAW_REQUEST, { id }, mentee.token)
          : system.gql(DECLINE_REQUEST, { id, reason: 'SCHEDULE' }, mentor.token),
        send(system, mentee.token, mentor.profileId),
      ]);
      expect(ended.errors).toBeUndefined();
      expect(errorCode(sent)).toBe('CONFLICT');
      expect(await requestCount(system)).toBe(1);
    }
  });
});

describe('the daily cap on requests a mentee sends', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { REQUEST_DAILY_LIMIT: String(DAILY_LIMIT) } });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('refuses the next send with RATE_LIMITED and retryAfterSeconds; withdrawn requests still count', async () => {
    const { mentors, mentee, ids } = await sendUpToTheCap(system, DAILY_LIMIT + 1);
    await system.gql(WITHDRAW_REQUEST, { id: ids[0] }, mentee.token);

    const over = await send(system, mentee.token, mentors[DAILY_LIMIT].profileId);
    expect(errorCode(over)).toBe('RATE_LIMITED');
    const retryAfter = over.errors![0].extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(86_400 - 120);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await requestCount(system)).toBe(DAILY_LIMIT);
    // Someone else's budget is their own.
    expect(
      (await send(system, (await signUpUser(system)).token, mentors[DAILY_LIMIT].profileId)).errors,
    ).toBeUndefined();
  });

  it('counts a rolling 24 hours: once the oldest send is a day old, one more may go', async () => {
    const { mentors, mentee, ids } = await sendUpToTheCap(system, DAILY_LIMIT + 2);
    await system.db.query(`UPDATE mentorship_requests SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      ids[0],
    ]);
    expect((await send(system, mentee.token, mentors[DAILY_LIMIT].profileId)).errors).toBeUndefined();
    expect(errorCode(await send(system, mentee.token, mentors[DAILY_LIMIT + 1].profileId))).toBe('RATE_LIMITED');
  });

  it('holds under parallel sends: exactly the cap goes through', async () => {
    const mentors = await Promise.all(Array.from({ length: 2 * DAILY_LIMIT }, () => publishedMentor(system)));
    const mentee = await signUpUser(system);
    const results = await Promise.all(mentors.map((mentor) => send(system, mentee.token, mentor.profileId)));
    expect(results.filter((res) => res.data?.sendMentorshipRequest)).toHaveLength(DAILY_LIMIT);
    expect(results.filter((res) => errorCode(res) === 'RATE_LIMITED')).toHaveLength(DAILY_LIMIT);
    expect(await requestCount(system)).toBe(DAILY_LIMIT);
  });
});
