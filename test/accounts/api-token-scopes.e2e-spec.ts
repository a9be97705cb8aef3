import { errorCode, mentorProfileInput, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CREATE = `mutation($scopes: [ApiScope!]!) { createApiToken(name: "t", scopes: $scopes) { secret token { scopes } } }`;
const DRAFT = `query($id: ID!) { mentor(id: $id) { id status user { mentorProfile { id } } } }`;

describe('API token scopes nest', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const tokenFor = async (session: string, scopes: string[]): Promise<string> =>
    (await system.gql(CREATE, { scopes }, session)).data.createApiToken.secret;

  it('WRITE alone reads private and public data and writes; READ_PRIVATE alone reads public data too', async () => {
    const user = await signUpUser(system, 'Linus');
    const created = await system.gql(CREATE, { scopes: ['WRITE'] }, user.token);
    expect(created.data.createApiToken.token.scopes).toEqual(['WRITE']);
    const write: string = created.data.createApiToken.secret;
    expect((await system.gql(`{ me { email } }`, {}, write)).data.me.email).toBe(user.email);
    expect((await system.gql(`{ industries { slug } }`, {}, write)).errors).toBeUndefined();
    expect((await system.gql(`mutation { markNotificationsRead(ids: []) }`, {}, write)).errors).toBeUndefined();

    const readPrivate = await tokenFor(user.token, ['READ_PRIVATE']);
    expect((await system.gql(`{ industries { slug } }`, {}, readPrivate)).errors).toBeUndefined();
    expect((await system.gql(`{ me { email } }`, {}, readPrivate)).data.me.email).toBe(user.email);
    expect(errorCode(await system.gql(`mutation { markNotificationsRead(ids: []) }`, {}, readPrivate))).toBe(
      'FORBIDDEN',
    );
  });

  it('a READ_PUBLIC token never sees its owner’s draft profile; a READ_PRIVATE token and the session do', async () => {
    const owner = await signUpUser(system, 'Drafting Mentor');
    const upsert = await system.gql(
      `mutation($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { id status } }`,
      { input: mentorProfileInput() },
      owner.token,
    );
    const id: string = upsert.data.upsertMentorProfile.id;
    expect(upsert.data.upsertMentorProfile.status).toBe('DRAFT');

    const publicToken = await tokenFor(owner.token, ['READ_PUBLIC']);
    expect(await system.gql(DRAFT, { id }, publicToken)).toMatchObject({ data: { mentor: null } });
    expect(errorCode(await system.gql(`{ me { mentorProfile { id } } }`, {}, publicToken))).toBe('FORBIDDEN');

    const privateToken = await tokenFor(owner.token, ['READ_PRIVATE']);
    for (const credential of [privateToken, owner.token]) {
      const seen = await system.gql(DRAFT, { id }, credential);
      expect(seen.data.mentor).toEqual({ id, status: 'DRAFT', user: { mentorProfile: { id } } });
    }
  });
});
