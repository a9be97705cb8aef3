import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id } } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken refreshToken }
}`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const SIGN_OUT = `mutation($t: String!) { signOut(refreshToken: $t) }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
const ME = `{ me { id } }`;
const EMAIL = 'grace@example.com';
const PASSWORD = 'a long enough secret';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('signing out', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    await system.gql(SIGN_UP, { input: { email: EMAIL, password: PASSWORD, displayName: 'Grace', timeZone: 'UTC' } });
  });
  afterAll(() => system.close());

  const signIn = async (): Promise<Tokens> =>
    (await system.gql(SIGN_IN, { email: EMAIL, password: PASSWORD })).data.signIn;
  const works = async (accessToken: string): Promise<boolean> =>
    (await system.gql(ME, {}, accessToken)).data?.me != null;

  it('signOut ends that session, its access token and its refresh token, and leaves the others', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    expect(await system.gql(SIGN_OUT, { t: laptop.refreshToken })).toMatchObject({ data: { signOut: true } });
    expect(errorCode(await system.gql(ME, {}, laptop.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await system.gql(REFRESH, { t: laptop.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(await works(phone.accessToken)).toBe(true);
    expect((await system.gql(REFRESH, { t: phone.refreshToken })).errors).toBeUndefined();
  });

  it('signOut ends the session from any of its rotated refresh tokens, and says false when nothing was left to end', async () => {
    const first = await signIn();
    const rotated: Tokens = (await system.gql(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect((await system.gql(SIGN_OUT, { t: first.refreshToken })).data).toEqual({ signOut: true });
    expect(errorCode(await system.gql(ME, {}, rotated.accessToken))).toBe('UNAUTHENTICATED');
    expect((await system.gql(SIGN_OUT, { t: rotated.refreshToken })).data).toEqual({ signOut: false });
    expect((await system.gql(SIGN_OUT, { t: 'rt_unknown' })).data).toEqual({ signOut: false });
  });

  it('signOut works with an ended access token still attached', async () => {
    const session = await signIn();
    await system.gql(SIGN_OUT_EVERYWHERE, {}, session.accessToken);
    expect((await system.gql(SIGN_OUT, { t: session.refreshToken }, session.accessToken)).data).toEqual({
      signOut: false,
    });
  });

  it('signOutEverywhere refuses every access token issued before it, even within the same second', async () => {
    const sessions = [await signIn(), await signIn()];
    const justIssued: Tokens = (await system.gql(REFRESH, { t: sessions[1].refreshToken })).data.refreshSession;
    expect((await system.gql(SIGN_OUT_EVERYWHERE, {}, sessions[0].accessToken)).data).toEqual({
      signOutEverywhere: true,
    });
    for (const token of [sessions[0].accessToken, sessions[1].accessToken, justIssued.accessToken]) {
      expect(errorCode(await system.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await system.gql(REFRESH, { t: justIssued.refreshToken }))).toBe('UNAUTHENTICATED');
    // Signing in afterwards starts afresh.
    expect(await works((await signIn()).accessToken)).toBe(true);
  });

  it('a token from a refresh racing signOutEverywhere is refused too, whichever commits first', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await signIn();
      const b = await signIn();
      const [refreshed] = await Promise.all([
        system.gql(REFRESH, { t: b.refreshToken }),
        system.gql(SIGN_OUT_EVERYWHERE, {}, a.accessToken),
      ]);
      const tokens: Tokens | undefined = refreshed.data?.refreshSession;
      if (tokens) {
        expect(errorCode(await system.gql(ME, {}, tokens.accessToken))).toBe('UNAUTHENTICATED');
        expect(errorCode(await system.gql(REFRESH, { t: tokens.refreshToken }))).toBe('UNAUTHENTICATED');
      } else {
        expect(errorCode(refreshed)).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('signOutEverywhere needs a signed-in session: an API token is FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const session = await signIn();
    const created = await system.gql(
      `mutation { createApiToken(name: "ci", scopes: [WRITE]) { secret } }`,
      {},
      session.accessToken,
    );
    const secret: string = created.data.createApiToken.secret;
    expect(errorCode(await system.gql(SIGN_OUT_EVERYWHERE, {}, secret))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(SIGN_OUT_EVERYWHERE))).toBe('UNAUTHENTICATED');
    expect(await works(session.accessToken)).toBe(true);
  });
});
