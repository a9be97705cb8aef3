import { graphqlAs, signUpUser, type GraphQLResponse } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }`;
const PASSWORD = 'correct horse battery';

const code = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code;

/** Failed sign-ins are also counted per client network, so spraying many emails is throttled too. */
describe('sign-in throttling per client', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const signInFrom = (localAddress: string, email: string, password = 'a wrong password', headers = {}) =>
    graphqlAs(system.url, SIGN_IN, { email, password }, { localAddress, headers });

  it('throttles 40 failed sign-ins over 40 emails from one client, with retryAfterSeconds, and no other client', async () => {
    const victim = await signUpUser(system);
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 40; i++) {
      const res = await signInFrom('127.0.0.2', `sprayed${i}@example.com`);
      codes.push(code(res));
      if (code(res) === 'RATE_LIMITED') expect(res.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(20).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Even the right password is refused from that client while throttled; from another it works.
    expect(code(await signInFrom('127.0.0.2', victim.email, PASSWORD))).toBe('RATE_LIMITED');
    expect((await signInFrom('127.0.0.3', victim.email, PASSWORD)).data?.signIn.accessToken).toEqual(
      expect.any(String),
    );
    expect(code(await signInFrom('127.0.0.3', 'someone@example.com'))).toBe('UNAUTHENTICATED');
  });

  it('counts parallel attempts as they start: no more than the limit fail before throttling', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInFrom('127.0.0.4', `parallel${i}@example.com`)),
    );
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(20);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    const [{ n }] = await system.db.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM sign_in_failures WHERE ip = '127.0.0.4'`,
    );
    expect(n).toBe(codes.filter((c) => c === 'UNAUTHENTICATED').length);
  });

  it('forgives a client’s attempt that succeeds', async () => {
    const user = await signUpUser(system);
    await signInFrom('127.0.0.5', user.email, PASSWORD);
    const [{ n }] = await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM sign_in_failures`);
    expect(n).toBe(0);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it', async () => {
    for (let i = 0; i < 20; i++) {
      await signInFrom('127.0.0.6', `spoof${i}@example.com`, 'a wrong password', {
        'x-forwarded-for': `198.51.100.${i}`,
      });
    }
    const res = await signInFrom('127.0.0.6', 'next@example.com', 'a wrong password', {
      'x-forwarded-for': '198.51.100.99',
    });
    expect(code(res)).toBe('RATE_LIMITED');
  });
});

describe('sign-in throttling behind a trusted proxy', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { TRUST_PROXY: '1', SIGN_IN_MAX_FAILURES_PER_IP: '3' } });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const signInAs = (client: string, email: string) =>
    graphqlAs(system.url, SIGN_IN, { email, password: 'a wrong password' }, { headers: { 'x-forwarded-for': client } });

  it('counts the address the proxy reports, an IPv6 client by its /64', async () => {
    for (const client of ['203.0.113.7', '203.0.113.7', '203.0.113.7']) {
      expect(code(await signInAs(client, `${Math.random()}@example.com`))).toBe('UNAUTHENTICATED');
    }
    expect(code(await signInAs('203.0.113.7', 'a@example.com'))).toBe('RATE_LIMITED');
    expect(code(await signInAs('203.0.113.8', 'a@example.com'))).toBe('UNAUTHENTICATED');

    for (const client of ['2001:db8::1', '2001:db8::2', '2001:db8::3']) {
      expect(code(await signInAs(client, `${client}@example.com`))).toBe('UNAUTHENTICATED');
    }
    expect(code(await signInAs('2001:db8::ffff', 'b@example.com'))).toBe('RATE_LIMITED');
    expect(code(await signInAs('2001:db8:0:1::1', 'b@example.com'))).toBe('UNAUTHENTICATED');
  });
});
