import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id } } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken refreshToken user { id email } }
}`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id email } }`;

describe('sessions', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { SIGN_IN_MAX_FAILURES: '3' } });
  });
  beforeEach(async () => {
    await system.reset();
    await system.gql(SIGN_UP, {
      input: { email: 'grace@example.com', password: 'a long enough secret', displayName: 'Grace', timeZone: 'UTC' },
    });
  });
  afterAll(() => system.close());

  it('signs in with the right password, case-insensitively by email, and the token reads `me`', async () => {
    const res = await system.gql(SIGN_IN, { email: 'Grace@Example.com', password: 'a long enough secret' });
    expect(res.errors).toBeUndefined();
    const me = await system.gql(ME, {}, res.data.signIn.accessToken);
    expect(me.data.me).toEqual({ id: res.data.signIn.user.id, email: 'grace@example.com' });
  });

  it('refuses a wrong password or an unknown email alike with UNAUTHENTICATED', async () => {
    const wrong = await system.gql(SIGN_IN, { email: 'grace@example.com', password: 'not the secret' });
    const unknown = await system.gql(SIGN_IN, { email: 'nobody@example.com', password: 'not the secret' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('throttles repeated failures for one email, even with the right password, but not other emails', async () => {
    for (let i = 0; i < 3; i++) await system.gql(SIGN_IN, { email: 'grace@example.com', password: 'wrong wrong' });
    const blocked = await system.gql(SIGN_IN, { email: 'grace@example.com', password: 'a long enough secret' });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const other = await system.gql(SIGN_IN, { email: 'other@example.com', password: 'whatever pw' });
    expect(errorCode(other)).toBe('UNAUTHENTICATED');
  });

  it('counts parallel guesses too: no more failures are allowed than the limit', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        system.gql(SIGN_IN, { email: 'grace@example.com', password: `guess ${i}xx` }),
      ),
    );
    const codes = guesses.map(errorCode);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(3);
    expect(codes.every((code) => code === 'UNAUTHENTICATED' || code === 'RATE_LIMITED')).toBe(true);
  });

  it('rotates the refresh token on every use', async () => {
    const first = (await system.gql(SIGN_IN, { email: 'grace@example.com', password: 'a long enough secret' })).data
      .signIn;
    const second = await system.gql(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect(second.data.refreshSession.refreshToken).not.toBe(first.refreshToken);
    const third = await system.gql(REFRESH, { t: second.data.refreshSession.refreshToken });
    expect(third.errors).toBeUndefined();
  });

  it('revokes the whole family when a rotated refresh token is reused', async () => {
    const first = (await system.gql(SIGN_IN, { email: 'grace@example.com', password: 'a long enough secret' })).data
      .signIn;
    const rotated = (await system.gql(REFRESH, { t: first.refreshToken })).data.refreshSession;
    const replay = await system.gql(REFRESH, { t: first.refreshToken });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    // The legitimate holder's newer token dies with the family.
    expect(errorCode(await system.gql(REFRESH, { t: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a garbage refresh token and a forged access token', async () => {
    expect(errorCode(await system.gql(REFRESH, { t: 'rt_nope' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await system.gql(ME, {}, 'eyJhbGciOiJIUzI1NiJ9.e30.forged'))).toBe('UNAUTHENTICATED');
  });

  it('returns null for `me` without credentials', async () => {
    expect((await system.gql(ME)).data).toEqual({ me: null });
  });
});
