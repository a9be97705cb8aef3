import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ACCEPT_REQUEST, publishedMentor, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Collects what one subscription delivers, and resolves when `count` events have arrived. */
function collect<T>(client: Client, query: string, count: number): { events: T[]; done: Promise<T[]>; stop(): void } {
  const events: T[] = [];
  let stop = (): void => undefined;
  const done = new Promise<T[]>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          if (value.errors) reject(new Error(JSON.stringify(value.errors)));
          events.push(value.data as T);
          if (events.length === count) resolve(events);
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  return { events, done, stop: () => stop() };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('subscriptions over graphql-ws', () => {
  let system: TestSystem;
  const clients: Client[] = [];
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
  });
  afterAll(() => system.close());

  const connect = (token: string | null): Client => {
    const client = createClient({
      url: `${system.url.replace(/^http/, 'ws')}`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    return client;
  };

  /** The socket is acknowledged once the server ran onConnect; subscribing is then live. */
  const connected = (client: Client) => new Promise<void>((resolve) => client.on('connected', () => resolve()));

  it('stops delivering data once the token behind the socket is revoked', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system, 'Ada');
    const created = await system.gql(
      `mutation { createApiToken(name: "live", scopes: [READ_PRIVATE, WRITE]) { secret token { id } } }`,
      {},
      mentor.token,
    );
    const { secret, token } = created.data.createApiToken;
    const client = connect(secret);
    await connected(client);
    const notifications = collect(client, `subscription { notificationAdded { id title } }`, 1);
    const outcome = notifications.done.then(
      () => 'delivered',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    await system.gql(`mutation($id: ID!) { revokeApiToken(id: $id) }`, { id: token.id }, mentor.token);
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    expect(await outcome).toContain('UNAUTHENTICATED');
    // The event arrived as an error with no data: nothing private crossed the socket.
    expect(notifications.events).toEqual([null]);
  });

  it('pushes a new notification and the request change to the mentor, and the answer to the mentee', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system, 'Ada');
    const mentorClient = connect(mentor.token);
    const menteeClient = connect(mentee.token);
    await Promise.all([connected(mentorClient), connected(menteeClient)]);

    const notifications = collect<{ notificationAdded: { type: string; title: string } }>(
      mentorClient,
      `subscription { notificationAdded { id type title createdAt } }`,
      1,
    );
    const changes = collect<{ mentorshipRequestChanged: { id: string; status: string } }>(
      menteeClient,
      `subscription { mentorshipRequestChanged { id status mentee { id } mentor { id } } }`,
      2,
    );
    // Let the subscriptions register with Redis before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const id = await sendRequest(system, mentee.token, mentor.profileId);
    // Messages carry ids and each delivery reads the current state: answer only once PENDING was pushed.
    await system.settle();
    await waitFor(() => changes.events.length === 1);
    await system.gql(ACCEPT_REQUEST, { id }, mentor.token);

    const [added] = await notifications.done;
    expect(added.notificationAdded).toMatchObject({ type: 'REQUEST_RECEIVED', title: 'Ada asks you to mentor them' });
    const seen = await changes.done;
    expect(seen.map((event) => event.mentorshipRequestChanged.status)).toEqual(['PENDING', 'ACCEPTED']);
    expect(seen[0].mentorshipRequestChanged.id).toBe(id);
  });

  it('serves a subscriber on another api instance: events travel through Redis', async () => {
    const other = await startTestSystem();
    try {
      const mentor = await publishedMentor(system);
      const mentee = await signUpUser(system);
      const client = createClient({
        url: other.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${mentor.token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      await connected(client);
      const notifications = collect<{ notificationAdded: { type: string } }>(
        client,
        `subscription { notificationAdded { type } }`,
        1,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await sendRequest(system, mentee.token, mentor.profileId);
      const [added] = await notifications.done;
      expect(added.notificationAdded.type).toBe('REQUEST_RECEIVED');
    } finally {
      for (const client of clients.splice(0)) await client.dispose();
      await other.close();
    }
  });

  it('refuses a socket without valid credentials', async () => {
    const client = connect('not-a-token');
    const closed = new Promise<unknown>((resolve) => client.on('closed', resolve));
    const failed = collect(client, `subscription { notificationAdded { id } }`, 1).done.catch(
      (error: unknown) => error,
    );
    await closed;
    expect(await failed).toBeDefined();
  });

  it('delivers nothing of other people', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const stranger = await signUpUser(system, 'Eve');
    const strangerClient = connect(stranger.token);
    await connected(strangerClient);
    const watching = collect(strangerClient, `subscription { mentorshipRequestChanged { id } }`, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    expect(watching.events).toEqual([]);
    watching.stop();
  });
});
