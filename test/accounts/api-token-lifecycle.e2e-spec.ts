import { errorCode, publishedMentor, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CREATE = `mutation($name: String!, $scopes: [ApiScope!]!, $days: Int) {
  createApiToken(name: $name, scopes: $scopes, expiresInDays: $days) { secret token { id expiresAt } }
}`;
const LIST = `query($first: Int, $after: String) {
  me { apiTokens(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name scopes createdAt lastUsedAt expiresAt } }
  } }
}`;
const DAY_MS = 86_400_000;

describe('API tokens: listing, use and expiry', () => {
  let system: TestSystem;
  let session: string;
  let userId: string;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    ({ token: session, userId } = await signUpUser(system, 'Linus'));
  });
  afterAll(() => system.close());

  const create = async (name: string, days?: number) =>
    (await system.gql(CREATE, { name, scopes: ['READ_PRIVATE'], days }, session)).data.createApiToken;

  it('lists the user’s live tokens newest first, page by page, and never a secret', async () => {
    const made = [];
    for (const name of ['a', 'b', 'c']) made.push(await create(name));
    await system.gql(`mutation($id: ID!) { revokeApiToken(id: $id) }`, { id: made[0].token.id }, session);
    const first = await system.gql(LIST, { first: 1 }, session);
    expect(first.errors).toBeUndefined();
    const page1 = first.data.me.apiTokens;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(page1.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['c']);
    const page2 = (await system.gql(LIST, { first: 1, after: page1.pageInfo.endCursor }, session)).data.me.apiTokens;
    expect(page2.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['b']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const text = JSON.stringify([first, page2]);
    for (const { secret } of made) expect(text).not.toContain(secret.slice(4));
  });

  it('refuses page sizes outside 1..100 with BAD_USER_INPUT', async () => {
    const res = await system.gql(LIST, { first: 101 }, session);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows the tokens only to the user themself: anyone else gets NOT_FOUND', async () => {
    const mentor = await publishedMentor(system);
    const peek = await system.gql(
      `query($id: ID!) { mentor(id: $id) { user { id apiTokens { totalCount } } } }`,
      { id: mentor.profileId },
      session,
    );
    expect(errorCode(peek)).toBe('NOT_FOUND');
    expect(peek.data?.mentor ?? null).toBeNull();
  });

  it('records lastUsedAt at most once a minute', async () => {
    const { secret, token } = await create('ci');
    const lastUsed = async () => {
      const list = (await system.gql(LIST, {}, session)).data.me.apiTokens;
      return list.edges.find((edge: { node: { id: string } }) => edge.node.id === token.id).node.lastUsedAt;
    };
    expect(await lastUsed()).toBeNull();
    await system.gql(`{ me { id } }`, {}, secret);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await Promise.all(Array.from({ length: 5 }, () => system.gql(`{ me { id } }`, {}, secret)));
    expect(await lastUsed()).toBe(first);
    await system.db.query(`UPDATE api_tokens SET last_used_at = last_used_at - interval '2 minutes'`);
    await system.gql(`{ me { id } }`, {}, secret);
    expect(Date.parse(await lastUsed())).toBeGreaterThan(Date.parse(first) - 1000);
  });

  it('expires a token after expiresInDays, and refuses it with UNAUTHENTICATED from then on', async () => {
    const before = Date.now();
    const { secret, token } = await create('short-lived', 30);
    const expiresIn = Date.parse(token.expiresAt) - before;
    expect(Math.abs(expiresIn - 30 * DAY_MS)).toBeLessThan(60_000);
    expect((await system.gql(`{ me { id } }`, {}, secret)).data.me.id).toBe(userId);
    await system.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [token.id]);
    expect(errorCode(await system.gql(`{ me { id } }`, {}, secret))).toBe('UNAUTHENTICATED');
    expect((await create('forever')).token.expiresAt).toBeNull();
  });

  it.each([0, 366, -5])('refuses expiresInDays %p with BAD_USER_INPUT naming it, creating nothing', async (days) => {
    const res = await system.gql(CREATE, { name: 'x', scopes: ['WRITE'], days }, session);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
    const [{ n }] = await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM api_tokens`);
    expect(n).toBe(0);
  });
});
