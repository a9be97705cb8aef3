import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { user { displayName } } }`;

describe('display names are plain text', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const signUp = (displayName: string) =>
    system.gql(SIGN_UP, {
      input: { email: 'ada@example.com', password: 'a long enough secret', displayName, timeZone: 'UTC' },
    });

  it.each([
    ['a line break', 'Ada\nSubject: urgent'],
    ['a trailing line break', 'Ada\r\n'],
    ['a tab', 'Ada\tLovelace'],
    ['a bell', 'Ada\u0007'],
    ['a C1 control', 'Ada\u0085Lovelace'],
    ['a right-to-left override', 'Ada \u202Egnp.exe'],
    ['a left-to-right embedding', '\u202AAda'],
    ['a right-to-left isolate', 'Ada\u2067x\u2069'],
    ['a right-to-left mark', 'Ada\u200F'],
    ['an Arabic letter mark', 'Ada\u061C'],
    ['a line separator', 'Ada\u2028Lovelace'],
  ])('refuses %s with BAD_USER_INPUT naming input.displayName, saving nothing', async (_what, name) => {
    const res = await signUp(name);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('input.displayName');
    const [{ n }] = await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM users`);
    expect(n).toBe(0);
  });

  it('accepts names in any script, emoji sequences and surrounding spaces (trimmed)', async () => {
    for (const [name, stored] of [
      ['  Ada Lovelace  ', 'Ada Lovelace'],
      ['محمد', 'محمد'],
      ['Zoë 👩‍💻', 'Zoë 👩‍💻'],
    ]) {
      await system.reset();
      expect((await signUp(name)).data.signUp.user.displayName).toBe(stored);
    }
  });

  it('is held by PostgreSQL too, for any other writer', async () => {
    await expect(
      system.db.query(
        `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ('x@example.com', 'x', $1, 'UTC')`,
        ['Mallory\u202Eevil'],
      ),
    ).rejects.toThrow(/users_display_name_plain/);
  });
});
