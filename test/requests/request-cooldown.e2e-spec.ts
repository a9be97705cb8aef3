import {
  DECLINE_REQUEST,
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

const COOLDOWN_DAYS = 2;
const COOLDOWN_SECONDS = COOLDOWN_DAYS * 86_400;

describe('asking the same mentor again after a withdrawal or a decline', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { REQUEST_COOLDOWN_DAYS: String(COOLDOWN_DAYS) } });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const send = (token: string, mentorId: string) =>
    system.gql(SEND_REQUEST, { input: requestInput(mentorId) }, token);
  const requestCount = async (): Promise<number> =>
    (await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM mentorship_requests`))[0].n;

  it.each(['withdrawn', 'declined'])(
    'is refused with CONFLICT and retryAfterSeconds for the cooling-off period once %s; other mentors are fine',
    async (ending) => {
      const mentor = await publishedMentor(system);
      const other = await publishedMentor(system);
      const mentee = await signUpUser(system);
      const id = await sendRequest(system, mentee.token, mentor.profileId);
      if (ending === 'withdrawn') await system.gql(WITHDRAW_REQUEST, { id }, mentee.token);
      else await system.gql(DECLINE_REQUEST, { id, reason: 'NOT_A_FIT' }, mentor.token);

      const again = await send(mentee.token, mentor.profileId);
      expect(errorCode(again)).toBe('CONFLICT');
      const retryAfter = again.errors![0].extensions!.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(COOLDOWN_SECONDS - 60);
      expect(retryAfter).toBeLessThanOrEqual(COOLDOWN_SECONDS);
      expect(await requestCount()).toBe(1);
      expect((await send(mentee.token, other.profileId)).errors).toBeUndefined();
      // Another mentee is not held back by someone else's history.
      expect((await send((await signUpUser(system)).token, mentor.profileId)).errors).toBeUndefined();
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
    expect((await send(mentee.token, mentor.profileId)).errors).toBeUndefined();
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
        send(mentee.token, mentor.profileId),
      ]);
      expect(ended.errors).toBeUndefined();
      expect(errorCode(sent)).toBe('CONFLICT');
      expect(await requestCount()).toBe(1);
    }
  });
});
