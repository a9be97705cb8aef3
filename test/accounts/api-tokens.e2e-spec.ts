import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;
const CREATE = `mutation($name: String!, $scopes: [ApiScope!]!) {
  createApiToken(name: $name, scopes: $scopes) { secret token { id name scopes createdAt lastUsedAt } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) }`;

describe('API tokens', () => {
  let system: TestSystem;
  let session: string;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    const res = await system.gql(SIGN_UP, {
      input: { email: 'linus@example.com', password: 'a long enough secret', displayName: 'Linus', timeZone: 'UTC' },
    });
    session = res.data.signUp.accessToken;
  });
  afterAll(() => system.close());

  const create = async (scopes: string[]) =>
    (await system.gql(CREATE, { name: 'ci', scopes }, session)).data.createApiToken;

  it('shows the secret once and stores only its hash', async () => {
    const { secret, token } = await create(['READ_PUBLIC']);
    expect(secret).toMatch(/^mbt_/);
    expect(token).toMatchObject({ name: 'ci', scopes: ['READ_PUBLIC'], lastUsedAt: null });
    const rows = await system.db.query<Array<{ secret_hash: string }>>('SELECT secret_hash FROM api_tokens');
    expect(rows[0].secret_hash).not.toContain(secret);
  });

  it('a READ_PUBLIC token reads public data but cannot call a mutation or read private data', async () => {
    const { secret } = await create(['READ_PUBLIC']);
    expect((await system.gql('{ me { id } }', {}, secret)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(errorCode(await system.gql('mutation { markNotificationsRead(ids: []) }', {}, secret))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql('{ notifications { totalCount } }', {}, secret))).toBe('FORBIDDEN');
  });

  it('a READ_PRIVATE + WRITE token reads private data and writes', async () => {
    const { secret } = await create(['READ_PRIVATE', 'WRITE']);
    const me = await system.gql('{ me { email } }', {}, secret);
    expect(me.data.me.email).toBe('linus@example.com');
    expect((await system.gql('mutation { markNotificationsRead(ids: []) }', {}, secret)).data).toEqual({
      markNotificationsRead: 0,
    });
  });

  it('a token cannot mint tokens, and a revoked token stops working', async () => {
    const { secret, token } = await create(['READ_PRIVATE', 'WRITE']);
    expect(errorCode(await system.gql(CREATE, { name: 'x', scopes: ['WRITE'] }, secret))).toBe('FORBIDDEN');
    expect((await system.gql(REVOKE, { id: token.id }, session)).data).toEqual({ revokeApiToken: true });
    expect(errorCode(await system.gql('{ me { id } }', {}, secret))).toBe('UNAUTHENTICATED');
  });

  it('validates name and scopes, and answers NOT_FOUND for tokens that are not yours', async () => {
    const empty = await system.gql(CREATE, { name: ' ', scopes: ['WRITE'] }, session);
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const none = await system.gql(CREATE, { name: 'x', scopes: [] }, session);
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect(errorCode(await system.gql(REVOKE, { id: 'not-a-uuid' }, session))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, session))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps to 50 active tokens even when creations race', async () => {
    const results = await Promise.all(
      Array.from({ length: 55 }, (_, i) => system.gql(CREATE, { name: `t${i}`, scopes: ['READ_PUBLIC'] }, session)),
    );
    expect(results.filter((res) => res.data?.createApiToken).length).toBe(50);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(5);
  });

  it('requires a session to manage tokens', async () => {
    expect(errorCode(await system.gql(CREATE, { name: 'x', scopes: ['WRITE'] }))).toBe('UNAUTHENTICATED');
  });
});
