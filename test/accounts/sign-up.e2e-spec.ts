import { jest } from '@jest/globals';
import { PasswordHasher } from '@app/domain/accounts/password-hasher.js';
import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id email displayName timeZone } }
}`;

const valid = {
  email: 'ada@example.com',
  password: 'correct horse battery',
  displayName: 'Ada',
  timeZone: 'Europe/London',
};

describe('signUp', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const userCount = async (): Promise<number> =>
    (await system.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM users'))[0].n;

  it('creates an account, shows the email to its owner and stores only an argon2id hash', async () => {
    const res = await system.gql(SIGN_UP, { input: valid });
    expect(res.errors).toBeUndefined();
    expect(res.data.signUp.user).toMatchObject({
      email: 'ada@example.com',
      displayName: 'Ada',
      timeZone: 'Europe/London',
    });
    expect(res.data.signUp.accessToken).toEqual(expect.any(String));
    const [row] = await system.db.query<Array<{ password_hash: string }>>('SELECT password_hash FROM users');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(valid.password);
  });

  it.each([
    ['a bad email', { email: 'not-an-email' }, 'input.email'],
    ['a short password', { password: 'short' }, 'input.password'],
    ['a password over 200 characters', { password: 'x'.repeat(201) }, 'input.password'],
    ['an empty display name', { displayName: '   ' }, 'input.displayName'],
    ['a display name over 80 characters', { displayName: 'x'.repeat(81) }, 'input.displayName'],
  ])('refuses %s with BAD_USER_INPUT naming the field, saving nothing', async (_, change, field) => {
    const res = await system.gql(SIGN_UP, { input: { ...valid, ...change } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await userCount()).toBe(0);
  });

  it('refuses an unknown time zone with BAD_USER_INPUT naming input.timeZone', async () => {
    const res = await system.gql(SIGN_UP, { input: { ...valid, timeZone: 'Mars/Olympus_Mons' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('input.timeZone');
    expect(await userCount()).toBe(0);
  });

  it('refuses a duplicate email, whatever its case, with CONFLICT', async () => {
    await system.gql(SIGN_UP, { input: valid });
    const res = await system.gql(SIGN_UP, { input: { ...valid, email: 'ADA@Example.com' } });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await userCount()).toBe(1);
  });

  it('runs its cheap checks before hashing: bad input and a taken email cost no argon2', async () => {
    await system.gql(SIGN_UP, { input: valid });
    const hash = jest.spyOn(system.api.get(PasswordHasher, { strict: false }), 'hash');
    try {
      expect(errorCode(await system.gql(SIGN_UP, { input: { ...valid, email: 'ADA@example.com' } }))).toBe('CONFLICT');
      const bad = await system.gql(SIGN_UP, { input: { ...valid, email: 'new@example.com', password: 'short' } });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(hash).not.toHaveBeenCalled();
      expect((await system.gql(SIGN_UP, { input: { ...valid, email: 'new@example.com' } })).errors).toBeUndefined();
      expect(hash).toHaveBeenCalledTimes(1);
    } finally {
      hash.mockRestore();
    }
  });

  it('of parallel sign-ups with one email, exactly one makes an account; the rest are CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => system.gql(SIGN_UP, { input: valid })));
    expect(results.filter((res) => res.data?.signUp)).toHaveLength(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT')).toHaveLength(3);
    expect(await userCount()).toBe(1);
  });

  it('writes a user.signed_up outbox event in the same transaction', async () => {
    const res = await system.gql(SIGN_UP, { input: valid });
    const events = await system.db.query<Array<{ type: string; payload: { userId: string } }>>(
      'SELECT type, payload FROM outbox_events',
    );
    expect(events).toEqual([{ type: 'user.signed_up', payload: { userId: res.data.signUp.user.id } }]);
  });
});
