import { errorCode, publishedMentor, requestInput, SEND_REQUEST, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Inputs that once reached PostgreSQL and failed there as internal errors. */
describe('hostile but well-typed input', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('refuses a NUL character in a variable, naming its path', async () => {
    const res = await system.gql(`mutation($e: String!) { signIn(email: $e, password: "whatever1") { accessToken } }`, {
      e: 'a\u0000@example.com',
    });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'e' });
  });

  it('refuses a NUL character nested in an input object and in a literal', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const input = requestInput(mentor.profileId, { goals: [{ title: 'Learn \u0000 Go' }] });
    const nested = await system.gql(SEND_REQUEST, { input }, mentee.token);
    expect(nested.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.goals[0].title' });
    const literal = await system.gql(`{ skills(query: "re\\u0000") { slug } }`);
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
  });

  it('counts lengths in characters, as the database does', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    // 25 emoji are 50 UTF-16 units but only 25 characters: below the 50-character minimum.
    const res = await system.gql(
      SEND_REQUEST,
      { input: requestInput(mentor.profileId, { motivation: '🙂'.repeat(25) }) },
      mentee.token,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.motivation' });
  });

  it('refuses a calendar date in year 0, which PostgreSQL does not have', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const input = requestInput(mentor.profileId, { goals: [{ title: 'Ship it', targetDate: '0000-01-01' }] });
    const res = await system.gql(SEND_REQUEST, { input }, mentee.token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.goals[0].targetDate' });
  });

  it('refuses a forged cursor whose number would overflow', async () => {
    const user = await signUpUser(system);
    const forged = Buffer.from(
      JSON.stringify(['99999999999999999999', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const res = await system.gql(
      `query($a: String) { notifications(after: $a) { totalCount } }`,
      { a: forged },
      user.token,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('stores a time zone under its canonical name', async () => {
    const res = await system.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { timeZone } } }`, {
      input: {
        email: 'tz@example.com',
        password: 'a long enough secret',
        displayName: 'Tz',
        timeZone: 'america/sao_paulo',
      },
    });
    expect(res.data.signUp.user.timeZone).toBe('America/Sao_Paulo');
  });
});
