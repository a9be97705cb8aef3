import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { serverAudits } from 'graphql-http';

describe('GraphQL over HTTP', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  describe('graphql-http server audits', () => {
    // Bound lazily: the url exists only once beforeAll has run.
    const audits = serverAudits({ url: () => system.url });
    const must = audits.filter((audit) => audit.name.startsWith('MUST'));

    it('has MUST audits to run', () => {
      expect(must.length).toBeGreaterThan(10);
    });

    it('passes at least 58 of all the audits, SHOULD and MAY included', async () => {
      const failed: string[] = [];
      for (const audit of audits) {
        const result = await audit.fn();
        if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}`);
      }
      expect(failed).toEqual([]);
      expect(audits.length - failed.length).toBeGreaterThanOrEqual(58);
    });

    it.each(must.map((audit) => [audit.name, audit] as const))('%s', async (_, audit) => {
      const result = await audit.fn();
      expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({
        status: 'ok',
        reason: undefined,
      });
    });
  });

  const post = (body: unknown) =>
    fetch(system.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('accepts "extensions": null, "variables": null and "operationName": null', async () => {
    const res = await post({ query: '{ me { id } }', extensions: null, variables: null, operationName: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: null } });
  });

  it('runs a batch of up to 10 operations and refuses 11', async () => {
    const ten = await post(Array.from({ length: 10 }, () => ({ query: '{ me { id } }' })));
    expect(ten.status).toBe(200);
    expect(await ten.json()).toHaveLength(10);
    const eleven = await post(Array.from({ length: 11 }, () => ({ query: '{ me { id } }' })));
    // A batch too large is refused whole, before any of it is read.
    expect(eleven.status).toBe(400);
    expect(((await eleven.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query deeper than 10 with QUERY_TOO_COMPLEX', async () => {
    // __type(ofType) nests without limit: 12 levels deep.
    const nested = Array.from({ length: 11 }).reduce<string>((inner) => `ofType { ${inner} }`, 'name');
    const res = await system.gql(`{ __type(name: "User") { ${nested} } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(res.data ?? null).toBeNull();
  });

  it('prices page sizes, including those passed as variables, and refuses an operation over the cost limit', async () => {
    const query = `query($n: Int) { notifications(first: $n) { edges { node { id title body createdAt readAt link type } } } }`;
    // Unauthenticated, but pricing happens before execution: the refusal shows the limit was applied.
    const cheap = await system.gql(query, { n: 10 });
    expect(cheap.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: notifications(first: $n) { edges { node { id title body } } }`,
    );
    const costly = await system.gql(`query($n: Int) { ${aliases.join(' ')} }`, { n: 100 });
    expect(costly.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('answers a malformed document with GRAPHQL_PARSE_FAILED and tags every response with a request id', async () => {
    const res = await post({ query: '{ me { id ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(system.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gateway-abc.123' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(echoed.headers.get('x-request-id')).toBe('gateway-abc.123');
  });
});
