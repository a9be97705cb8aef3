import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id email menteeProfile { id } } }
}`;
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken refreshToken user { id email } }
}`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }`;
const EMAIL = 'ada@example.com';
const PASSWORD = 'a long enough secret';

/** A client keeps sending the access token it had: expired, ended, forged or malformed. */
describe('sign-in and refresh with a stale Authorization header', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('ignores the header instead of failing, and still answers the caller’s own fields', async () => {
    const signUp = await system.gql(
      SIGN_UP,
      { input: { email: EMAIL, password: PASSWORD, displayName: 'Ada', timeZone: 'UTC' } },
      'eyJhbGciOiJIUzI1NiJ9.e30.forged',
    );
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data.signUp.user).toMatchObject({ email: EMAIL, menteeProfile: null });
    const ended: string = signUp.data.signUp.accessToken;
    await system.gql(`mutation { signOutEverywhere }`, {}, ended);
    expect(errorCode(await system.gql(`{ me { id } }`, {}, ended))).toBe('UNAUTHENTICATED');

    for (const header of [ended, 'mbt_revoked', 'garbage']) {
      const signIn = await system.gql(SIGN_IN, { email: EMAIL, password: PASSWORD }, header);
      expect(signIn.errors).toBeUndefined();
      expect(signIn.data.signIn.user.email).toBe(EMAIL);
      const refreshed = await system.gql(REFRESH, { t: signIn.data.signIn.refreshToken }, header);
      expect(refreshed.errors).toBeUndefined();
      expect(refreshed.data.refreshSession.user.email).toBe(EMAIL);
    }
  });

  it('still refuses the stale header on everything else', async () => {
    expect(errorCode(await system.gql(`{ industries { slug } }`, {}, 'garbage'))).toBe('UNAUTHENTICATED');
  });
});
