import { errorCode, freePort, signUpUser, startRedis, stopRedis, type GraphQLErrorShape } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { QueueRegistry } from '@app/platform';
import type { ChildProcess } from 'node:child_process';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** `query Q { ...F0 } fragment F0 on Query { ...F1 ...F1 } …`: 2^n fields from about 50n bytes. */
function fragmentDoubling(n: number, leaf = 'industries { slug }'): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query Q { ...F0 } ${fragments.join(' ')} fragment F${n} on Query { ${leaf} }`;
}

const aliased = (count: number, field: string): string =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });

describe('hostile requests', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  describe('cost', () => {
    it('prices the fragment-doubling document at n=30 in linear time and refuses it', async () => {
      const started = performance.now();
      const res = await system.gql(fragmentDoubling(30));
      const ms = performance.now() - started;
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(res.data).toBeUndefined();
      // Each fragment re-measured at every spread took 3.3 s at n=20 and doubles per step.
      expect(ms).toBeLessThan(2000);
    });

    it('measures each fragment once, even where no limit stops the walk', async () => {
      // rateLimit is free: 2^30 spreads of it cost nothing, so only memoised fragments keep this fast.
      const started = performance.now();
      const res = await system.gql(fragmentDoubling(30, 'rateLimit { cost }'));
      expect(res).toMatchObject({ status: 200, data: { rateLimit: { cost: 0 } } });
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('refuses 1,000 aliased searches by cost, before any of them runs', async () => {
      const res = await system.gql(`{ ${aliased(1000, 'searchMentors(query: "data", first: 1) { totalCount }')} }`);
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(res.data).toBeUndefined();
    });

    it('refuses aliased signIn and signUp, which each hash a password, before any hashing', async () => {
      const signIns = await system.gql(
        `mutation { ${aliased(5, 'signIn(email: "victim@example.com", password: "guess") { accessToken }')} }`,
      );
      expect(signIns.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });

      const signUp = (i: number) =>
        `s${i}: signUp(input: { email: "alias${i}@example.com", password: "long enough secret", displayName: "A", timeZone: "UTC" }) { accessToken }`;
      const signUps = await system.gql(`mutation { ${Array.from({ length: 5 }, (_, i) => signUp(i)).join(' ')} }`);
      expect(signUps.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      const [{ users }] = await system.db.query<[{ users: number }]>(
        `SELECT count(*)::int AS users FROM users WHERE email LIKE 'alias%'`,
      );
      expect(users).toBe(0);
    });

    it('makes a batch share one cost limit', async () => {
      const dear = { query: `{ ${aliased(30, 'searchMentors(first: 1) { totalCount }')} }` };
      const res = await post(
        system.url,
        Array.from({ length: 5 }, () => dear),
      );
      const answers = (await res.json()) as Array<{ errors?: GraphQLErrorShape[] }>;
      const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX');
      // Each costs 30 × (100 + 1) = 3,030: three fit under 10,000, the other two do not.
      expect(refused).toHaveLength(2);
    });
  });

  describe('batch cap on every path the router sends to GraphQL', () => {
    const eleven = Array.from({ length: 11 }, () => ({ query: '{ __typename }' }));

    it.each(['/%67raphql', '/graphql?via=query', '/%67raphql?x=1'])('refuses 11 operations at %s', async (path) => {
      const res = await post(`${system.baseUrl}${path}`, eleven);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: GraphQLErrorShape[] }).errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it.each(['/graphql/', '/GRAPHQL', '/Graphql'])('gives no GraphQL at all at %s', async (path) => {
      const res = await post(`${system.baseUrl}${path}`, eleven);
      expect(res.status).toBe(404);
    });

    it('meters and logs requests to the encoded path', async () => {
      await post(`${system.baseUrl}/%67raphql`, { query: 'query SideDoor { __typename }' });
      const metrics = await (await fetch(system.metricsUrl)).text();
      expect(metrics).toMatch(/graphql_requests_total\{operation="SideDoor",outcome="ok"\} 1/);
    });
  });

  it('answers a subscription sent over HTTP with a client error that names graphql-ws', async () => {
    const user = await signUpUser(system, 'Sub');
    for (const token of [undefined, user.token]) {
      const res = await system.gql('subscription { notificationAdded { id } }', undefined, token);
      expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/graphql-ws/);
      expect(res.status).toBe(400);
    }
  });

  describe('subscriptions over graphql-ws', () => {
    const clients: Client[] = [];
    afterEach(async () => {
      for (const client of clients.splice(0)) await client.dispose();
    });

    const connect = async (): Promise<Client> => {
      const user = await signUpUser(system, 'Socket');
      const client = createClient({
        url: system.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${user.token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      await new Promise<void>((resolve) => client.on('connected', () => resolve()));
      return client;
    };

    /** The errors a subscription is refused with; an empty list once it is live (acknowledged by a ping). */
    const refusal = (client: Client, query: string): Promise<GraphQLErrorShape[]> =>
      new Promise((resolve) => {
        client.subscribe(
          { query },
          {
            next: () => resolve([]),
            error: (errors) => resolve(Array.isArray(errors) ? (errors as GraphQLErrorShape[]) : []),
            complete: () => resolve([]),
          },
        );
        // A live subscription sends nothing until an event: give a refusal the time to arrive.
        setTimeout(() => resolve([]), 3000);
      });

    it('applies depth, cost, validation and the NUL check', async () => {
      const client = await connect();
      const deep = Array.from({ length: 6 }).reduce<string>((inner) => `user { mentorProfile { ${inner} } }`, 'id');
      expect(
        (await refusal(client, `subscription { mentorshipRequestChanged { mentor { ${deep} } } }`))[0],
      ).toMatchObject({
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
      const wide = `subscription { notificationAdded { ${aliased(10_001, 'id')} } }`;
      expect((await refusal(client, wide))[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
      expect((await refusal(client, 'subscription { notificationAdded { secret } }'))[0].message).toMatch(
        /Cannot query field "secret"/,
      );
      expect((await refusal(client, 'subscription { notificationAdded(x: "a\\u0000") { id } }'))[0]).toMatchObject({
        message: expect.stringMatching(/NUL character/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('holds at most 10 subscriptions per socket', async () => {
      const client = await connect();
      const outcomes = await Promise.all(
        Array.from({ length: 11 }, () => refusal(client, 'subscription { notificationAdded { id } }')),
      );
      const refused = outcomes.filter((errors) => errors.length > 0);
      expect(refused).toHaveLength(1);
      expect(refused[0][0].message).toMatch(/at most 10 subscriptions/);
    });
  });

  describe('/metrics', () => {
    it.each(['/metrics', '/METRICS', '/%6detrics', '/metrics/', '/metrics?x=1', '//metrics'])(
      'is not on the public port as %s',
      async (path) => {
        const res = await fetch(`${system.baseUrl}${path}`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toMatch(/graphql_requests_total/);
      },
    );

    it('is served on the metrics port, bound to loopback', async () => {
      expect(system.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(system.metricsUrl);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/graphql_requests_total/);
    });
  });

  it('answers parse and validation failures with the codes Apollo uses', async () => {
    expect(errorCode(await system.gql('{ me { id '))).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorCode(await system.gql('{ me { nope } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('per-caller budgets', () => {
  // Small budgets, and counters of their own (the key prefix) in the shared test Redis.
  const budgets = { RATE_LIMIT_ANONYMOUS_POINTS: '100', RATE_LIMIT_POINTS: '300', QUEUE_PREFIX: 'mbtest-budget' };
  const SKILLS = '{ skills(first: 20) { name } }'; // 10 + 20 × 1 = 30 points
  let system: TestSystem;
  let open: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: budgets });
    // Accounts are made where signing up is affordable; both systems share the database and secret.
    open = await startTestSystem();
  });
  beforeEach(async () => {
    const redis = system.api.get(QueueRegistry).connection;
    const keys = await redis.keys('mbtest-budget:budget:*');
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(async () => {
    await system.close();
    await open.close();
  });

  it('spends the cost of each operation and reports it in rateLimit', async () => {
    const RATE_LIMIT = '{ rateLimit { limit cost remaining resetAt } }';
    const fresh = await system.gql(RATE_LIMIT);
    expect(fresh.data.rateLimit).toMatchObject({ limit: 100, cost: 0, remaining: 100 });
    expect(await system.gql(SKILLS)).toMatchObject({ status: 200 });
    const after = await system.gql(RATE_LIMIT);
    expect(after.data.rateLimit).toMatchObject({ limit: 100, cost: 0, remaining: 70 });
    const resetIn = Date.parse(after.data.rateLimit.resetAt) - Date.now();
    expect(resetIn).toBeGreaterThan(3_500_000);
    expect(resetIn).toBeLessThanOrEqual(3_600_000);
  });

  it('prices one document text by the page sizes its variables ask for, request by request', async () => {
    const PAGE = 'query Page($n: Int) { skills(first: $n) { name } rateLimit { cost } }'; // 10 + n points
    for (const n of [5, 20, 5]) {
      const res = await system.gql(PAGE, { n });
      expect(res.data.rateLimit).toEqual({ cost: 10 + n });
    }
  });

  it('refuses a caller past its budget with 429, Retry-After and RATE_LIMITED, and no one else', async () => {
    const [ada, bob] = [await signUpUser(open, 'Ada'), await signUpUser(open, 'Bob')];
    for (let i = 0; i < 3; i++) expect(errorCode(await system.gql(SKILLS))).toBeUndefined();
    const refused = await post(system.url, { query: SKILLS });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    const body = (await refused.json()) as { errors: GraphQLErrorShape[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    // A cheap read runs while its points are spent: a refused one's result is dropped.
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toHaveLength(1);

    // Signed in, Ada has her own, larger budget; spending all of it leaves Bob's whole.
    const DEAR = '{ skills(first: 100) { name } }'; // 110 points
    expect(errorCode(await system.gql(DEAR, undefined, ada.token))).toBeUndefined();
    expect(errorCode(await system.gql(DEAR, undefined, ada.token))).toBeUndefined();
    expect(errorCode(await system.gql(DEAR, undefined, ada.token))).toBe('RATE_LIMITED');
    expect(errorCode(await system.gql(DEAR, undefined, bob.token))).toBeUndefined();
  });
});

describe('per-caller budgets while Redis is down', () => {
  let system: TestSystem;
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    system = await startTestSystem({
      config: { REDIS_URL: `redis://127.0.0.1:${port}/0`, RATE_LIMIT_ANONYMOUS_POINTS: '100' },
    });
  });
  afterAll(async () => {
    // A redis-server left running would keep the Jest worker alive past the run.
    try {
      await system.close();
    } finally {
      await stopRedis(redis);
    }
  });

  it('serves past the budget it cannot count rather than refusing', async () => {
    await stopRedis(redis);
    for (let i = 0; i < 5; i++) {
      const res = await system.gql('{ skills(first: 20) { name } }');
      expect(res).toMatchObject({ status: 200, data: { skills: expect.any(Array) } });
    }
    await restartRedis();
  });

  it('still refuses a caller Redis refused, from memory, with 429, Retry-After and RATE_LIMITED', async () => {
    const SKILLS = '{ skills(first: 20) { name } }'; // 30 points
    for (let i = 0; i < 3; i++) expect(errorCode(await system.gql(SKILLS))).toBeUndefined();
    expect(errorCode(await system.gql(SKILLS))).toBe('RATE_LIMITED');

    // Redis down would mean "not enforced": only the remembered refusal can answer 429 now.
    await stopRedis(redis);
    const refused = await post(system.url, { query: SKILLS });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    const body = (await refused.json()) as { errors: GraphQLErrorShape[] };
    expect(body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      cost: 30,
      remaining: 10,
    });
    // What the 10 points left still pay for is not refused from memory.
    expect(await system.gql('{ rateLimit { cost } }')).toMatchObject({ status: 200, data: { rateLimit: { cost: 0 } } });
    await restartRedis();
  });

  /** The queues' connections need a Redis to close against. */
  async function restartRedis(): Promise<void> {
    redis = await startRedis(port);
    while ((await fetch(`${system.baseUrl}/health/ready`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
