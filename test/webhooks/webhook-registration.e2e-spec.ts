import { errorCode, signUpUser, type TestUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import {
  ALL_EVENTS,
  CREATE_WEBHOOK,
  createWebhook,
  DELETE_WEBHOOK,
  deliveriesOf,
  MY_WEBHOOKS,
  REDELIVER,
  ROTATE_SECRET,
  UPDATE_WEBHOOK,
} from './webhook-operations.js';

const URL_OK = 'http://127.0.0.1:9/hooks';

describe('registering webhooks', () => {
  let system: TestSystem;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    owner = await signUpUser(system, 'Owner');
    stranger = await signUpUser(system, 'Stranger');
  });
  afterAll(async () => {
    await system.close();
  });

  it('creates a webhook, shows its secret once and lists it only to its owner', async () => {
    const res = await system.gql(
      CREATE_WEBHOOK,
      { input: { url: URL_OK, events: ['REQUEST_SENT', 'REQUEST_SENT', 'SESSION_BOOKED'], description: ' HR sync ' } },
      owner.token,
    );
    expect(res.errors).toBeUndefined();
    const { secret, webhook } = res.data.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({
      url: URL_OK,
      events: ['REQUEST_SENT', 'SESSION_BOOKED'],
      description: 'HR sync',
      enabled: true,
      disabledReason: null,
    });

    const [{ secret_sealed: sealed }] = await system.db.query(`SELECT secret_sealed FROM webhooks`);
    expect(sealed).not.toContain(secret.slice(6));

    const mine = await system.gql(MY_WEBHOOKS, {}, owner.token);
    expect(mine.data.me.webhooks.totalCount).toBe(1);
    expect(mine.data.me.webhooks.edges[0].node).toMatchObject({ id: webhook.id });
    expect(await deliveriesOf(system, owner.token, webhook.id)).toEqual([]);
    expect(JSON.stringify(mine.data)).not.toContain('whsec_');
    const theirs = await system.gql(MY_WEBHOOKS, {}, stranger.token);
    expect(theirs.data.me.webhooks.totalCount).toBe(0);
  });

  it.each([
    [{ url: 'not a url', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: `https://example.com/${'x'.repeat(2030)}`, events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'http://example.com/hooks', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://10.0.0.8/hooks', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://169.254.169.254/latest/meta-data/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://[fd00:ec2::254]/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://[::ffff:192.168.0.1]/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://100.64.0.1/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://[fe80::1]/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://0.0.0.0/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: 'https://no-such-host.invalid/', events: ['REQUEST_SENT'] }, 'input.url'],
    [{ url: URL_OK, events: [] }, 'input.events'],
    [{ url: URL_OK, events: ['REQUEST_SENT'], description: 'd'.repeat(201) }, 'input.description'],
    [{ url: URL_OK, events: ['REQUEST_SENT'], programId: 'nope' }, 'input.programId'],
  ])('refuses %# as BAD_USER_INPUT on %s and stores nothing', async (input, field) => {
    const res = await system.gql(CREATE_WEBHOOK, { input }, owner.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await system.db.query(`SELECT id FROM webhooks`)).toEqual([]);
  });

  it('refuses a program id that names no program as NOT_FOUND', async () => {
    const input = {
      url: URL_OK,
      events: ['PROGRAM_ROUND_PUBLISHED'],
      programId: '00000000-0000-4000-8000-000000000001',
    };
    expect(errorCode(await system.gql(CREATE_WEBHOOK, { input }, owner.token))).toBe('NOT_FOUND');
  });

  it('updates, rotates and deletes for the owner only; strangers get NOT_FOUND', async () => {
    const { id, secret } = await createWebhook(system, owner.token, URL_OK);
    const input = { url: 'http://localhost:9/other', events: ['MENTORSHIP_ENDED'], description: 'moved' };

    for (const [query, variables] of [
      [UPDATE_WEBHOOK, { id, input }],
      [ROTATE_SECRET, { id }],
      [DELETE_WEBHOOK, { id }],
    ] as const) {
      expect(errorCode(await system.gql(query, variables, stranger.token))).toBe('NOT_FOUND');
    }
    expect(errorCode(await system.gql(UPDATE_WEBHOOK, { id: 'nope', input }, owner.token))).toBe('NOT_FOUND');

    const updated = await system.gql(UPDATE_WEBHOOK, { id, input }, owner.token);
    expect(updated.data.updateWebhook).toMatchObject({ url: input.url, events: input.events, description: 'moved' });
    const refused = await system.gql(
      UPDATE_WEBHOOK,
      { id, input: { ...input, url: 'https://192.168.1.1/' } },
      owner.token,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });

    const rotated = await system.gql(ROTATE_SECRET, { id }, owner.token);
    expect(rotated.data.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data.rotateWebhookSecret.secret).not.toBe(secret);

    expect((await system.gql(DELETE_WEBHOOK, { id }, owner.token)).data.deleteWebhook).toBe(true);
    expect(errorCode(await system.gql(DELETE_WEBHOOK, { id }, owner.token))).toBe('NOT_FOUND');
    expect((await system.gql(MY_WEBHOOKS, {}, owner.token)).data.me.webhooks.totalCount).toBe(0);
  });

  it('does not redeliver to strangers or unknown deliveries', async () => {
    expect(errorCode(await system.gql(REDELIVER, { id: 'nope' }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(REDELIVER, { id: '00000000-0000-4000-8000-000000000002' }, owner.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('holds the cap of 20 webhooks per user under parallel creates', async () => {
    const results = await Promise.all(
      Array.from({ length: 26 }, (_, n) =>
        system.gql(CREATE_WEBHOOK, { input: { url: `${URL_OK}/${n}`, events: ALL_EVENTS } }, owner.token),
      ),
    );
    expect(results.filter((res) => res.data?.createWebhook).length).toBe(20);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(6);
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM webhooks`);
    expect(count).toBe(20);
  });

  it('pages the webhook list as a Relay connection and refuses page sizes outside 1..100', async () => {
    for (let n = 0; n < 3; n++) await createWebhook(system, owner.token, `${URL_OK}/${n}`);
    const first = await system.gql(MY_WEBHOOKS, { first: 2 }, owner.token);
    expect(first.data.me.webhooks).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await system.gql(
      MY_WEBHOOKS,
      { first: 2, after: first.data.me.webhooks.pageInfo.endCursor },
      owner.token,
    );
    expect(rest.data.me.webhooks.edges).toHaveLength(1);
    expect(errorCode(await system.gql(MY_WEBHOOKS, { first: 0 }, owner.token))).toBe('BAD_USER_INPUT');
  });
});

describe('registering webhooks in production', () => {
  let system: TestSystem;
  let owner: TestUser;

  beforeAll(async () => {
    system = await startTestSystem({
      config: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), WEBHOOK_SECRET_KEY: 'k'.repeat(40) },
    });
    await system.reset();
    owner = await signUpUser(system, 'Owner');
  });
  afterAll(async () => {
    await system.close();
  });

  it.each([
    'https://localhost/hooks',
    'https://[::1]/hooks',
    'https://2130706433/hooks',
    'https://0x7f000001/hooks',
    'https://127.1/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://0.0.0.0/hooks',
    'http://127.0.0.1:9/hooks',
    'http://localhost:9/hooks',
  ])('refuses loopback in every spelling: %s', async (url) => {
    const res = await system.gql(CREATE_WEBHOOK, { input: { url, events: ['REQUEST_SENT'] } }, owner.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(res.errors?.[0]?.message).toMatch(/loopback|unspecified|https/);
  });
});
