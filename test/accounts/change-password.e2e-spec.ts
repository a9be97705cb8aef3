import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken refreshToken }
}`;
const CHANGE = `mutation($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { accessToken refreshToken user { email } }
}`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const ME = `{ me { id } }`;
const EMAIL = 'grace@example.com';
const OLD = 'the old long secret';
const NEW = 'the new long secret';

describe('changing the password', () => {
  let system: TestSystem;
  let session: { accessToken: string; refreshToken: string };
  beforeAll(async () => {
    system = await startTestSystem({ config: { SIGN_IN_MAX_FAILURES: '3' } });
  });
  beforeEach(async () => {
    await system.reset();
    session = (
      await system.gql(SIGN_UP, { input: { email: EMAIL, password: OLD, displayName: 'Grace', timeZone: 'UTC' } })
    ).data.signUp;
  });
  afterAll(() => system.close());

  it('returns a fresh session and ends every other session and access token', async () => {
    const other = (await system.gql(SIGN_IN, { email: EMAIL, password: OLD })).data.signIn;
    const res = await system.gql(CHANGE, { current: OLD, next: NEW }, session.accessToken);
    expect(res.errors).toBeUndefined();
    const fresh = res.data.changePassword;
    expect(fresh.user.email).toBe(EMAIL);
    expect((await system.gql(ME, {}, fresh.accessToken)).data.me).not.toBeNull();
    for (const ended of [session, other]) {
      expect(errorCode(await system.gql(ME, {}, ended.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await system.gql(REFRESH, { t: ended.refreshToken }))).toBe('UNAUTHENTICATED');
    }
    expect((await system.gql(REFRESH, { t: fresh.refreshToken })).errors).toBeUndefined();
    expect(errorCode(await system.gql(SIGN_IN, { email: EMAIL, password: OLD }))).toBe('UNAUTHENTICATED');
    expect((await system.gql(SIGN_IN, { email: EMAIL, password: NEW })).errors).toBeUndefined();
  });

  it('refuses a wrong current password and a weak new one with BAD_USER_INPUT, changing nothing', async () => {
    const wrong = await system.gql(CHANGE, { current: 'not the password', next: NEW }, session.accessToken);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const weak = await system.gql(CHANGE, { current: OLD, next: 'short' }, session.accessToken);
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await system.gql(ME, {}, session.accessToken)).data.me).not.toBeNull();
    expect((await system.gql(SIGN_IN, { email: EMAIL, password: OLD })).errors).toBeUndefined();
  });

  it('is throttled like sign-in: wrong current passwords count toward the email’s limit', async () => {
    for (let i = 0; i < 3; i++)
      await system.gql(CHANGE, { current: `guess number ${i}`, next: NEW }, session.accessToken);
    const blocked = await system.gql(CHANGE, { current: OLD, next: NEW }, session.accessToken);
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(errorCode(await system.gql(SIGN_IN, { email: EMAIL, password: OLD }))).toBe('RATE_LIMITED');
  });

  it('of two parallel changes from the same current password, exactly one wins', async () => {
    const other = (await system.gql(SIGN_IN, { email: EMAIL, password: OLD })).data.signIn;
    const results = await Promise.all([
      system.gql(CHANGE, { current: OLD, next: 'first new password' }, session.accessToken),
      system.gql(CHANGE, { current: OLD, next: 'second new password' }, other.accessToken),
    ]);
    const winners = results.filter((res) => res.data?.changePassword);
    expect(winners).toHaveLength(1);
    // The loser either checked the password after the winner changed it, or was already signed out by it.
    const loser = results.find((res) => !res.data?.changePassword)!;
    expect(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'RATE_LIMITED']).toContain(errorCode(loser));
    const accepted = ['first new password', 'second new password'];
    // One after the other: parallel sign-ins to one email are refused by the throttle's per-email lock.
    const signIns = [];
    for (const password of accepted) signIns.push(await system.gql(SIGN_IN, { email: EMAIL, password }));
    expect(signIns.filter((res) => res.data?.signIn)).toHaveLength(1);
  });

  it('needs a signed-in session: an API token is FORBIDDEN', async () => {
    const created = await system.gql(
      `mutation { createApiToken(name: "ci", scopes: [WRITE]) { secret } }`,
      {},
      session.accessToken,
    );
    const res = await system.gql(CHANGE, { current: OLD, next: NEW }, created.data.createApiToken.secret);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(CHANGE, { current: OLD, next: NEW }))).toBe('UNAUTHENTICATED');
  });
});
