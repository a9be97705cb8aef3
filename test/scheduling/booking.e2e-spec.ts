import {
  activeMentorship,
  AVAILABLE_SLOTS,
  BOOK_SESSION,
  errorCode,
  hoursFromNow,
  SESSION_FIELDS,
  signUpUser,
  type TestMentorship,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const SESSION = `query ($id: ID!) { session(id: $id) { ${SESSION_FIELDS} } }`;

describe('booking sessions', () => {
  let system: TestSystem;
  let pair: TestMentorship;
  beforeAll(async () => {
    system = await startTestSystem({
      worker: true,
      config: { MEETING_URL_TEMPLATE: 'https://meet.example.org/mb-{sessionId}' },
    });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await activeMentorship(system);
  });
  afterAll(() => system.close());

  const book = (token: string, startsAt: string, overrides: Record<string, unknown> = {}) =>
    system.gql(BOOK_SESSION, { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60, ...overrides } }, token);

  it('books an offered slot: the host first, a meeting link, an audit row and its event', async () => {
    const startsAt = hoursFromNow(30);
    const res = await book(pair.mentee.token, startsAt, { agenda: 'Career plan' });
    expect(res.errors).toBeUndefined();
    const session = res.data.bookSession;
    expect(session).toMatchObject({
      status: 'SCHEDULED',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      agenda: 'Career plan',
      meetingUrl: `https://meet.example.org/mb-${session.id}`,
      lateCancellation: false,
      host: { id: pair.mentor.userId },
      participants: [{ id: pair.mentor.userId }, { id: pair.mentee.userId }],
      mentorship: { id: pair.id },
    });
    const transitions = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to" FROM session_transitions WHERE session_id = $1`,
      [session.id],
    );
    expect(transitions).toEqual([{ actorId: pair.mentee.userId, from: null, to: 'SCHEDULED' }]);
    const events = await system.db.query(`SELECT type, payload FROM outbox_events WHERE type LIKE 'session.%'`);
    expect(events).toEqual([{ type: 'session.booked', payload: { sessionId: session.id, transitionId: '1' } }]);
    const slots = await system.gql(
      AVAILABLE_SLOTS,
      { mentorId: pair.mentor.profileId, from: startsAt, to: hoursFromNow(40), durationMinutes: 60 },
      pair.mentee.token,
    );
    expect(slots.data.availableSlots.map((slot: { startsAt: string }) => slot.startsAt)).not.toContain(startsAt);
  });

  it('refuses strangers, durations the mentor does not offer, long agendas and times not offered', async () => {
    const stranger = await signUpUser(system, 'Eve');
    expect(errorCode(await book(stranger.token, hoursFromNow(30)))).toBe('NOT_FOUND');
    const badLength = await book(pair.mentee.token, hoursFromNow(30), { durationMinutes: 45 });
    expect(badLength.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    const longAgenda = await book(pair.mentee.token, hoursFromNow(30), { agenda: 'x'.repeat(2001) });
    expect(longAgenda.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agenda' });
    expect(errorCode(await book(pair.mentee.token, hoursFromNow(-2)))).toBe('CONFLICT');
    const offMark = new Date(Date.parse(hoursFromNow(30)) + 5 * 60_000).toISOString();
    expect(errorCode(await book(pair.mentee.token, offMark))).toBe('CONFLICT');
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM sessions`);
    expect(count).toBe(0);
  });

  it('50 parallel bookings of one slot make exactly one session and 49 CONFLICTs', async () => {
    const startsAt = hoursFromNow(48);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(i % 2 ? pair.mentor.token : pair.mentee.token, startsAt)),
    );
    expect(results.filter((res) => res.data?.bookSession).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(49);
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM sessions`);
    expect(count).toBe(1);
  });

  it('never double-books a mentee with two mentors, even in parallel', async () => {
    const second = await activeMentorship(system, { mentee: pair.mentee });
    const startsAt = hoursFromNow(50);
    const later = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString();
    for (let round = 0; round < 5; round++) {
      await system.db.query(`TRUNCATE sessions CASCADE`);
      const [a, b] = await Promise.all([
        book(pair.mentee.token, startsAt),
        system.gql(
          BOOK_SESSION,
          { input: { mentorshipId: second.id, startsAt: later, durationMinutes: 60 } },
          second.mentor.token,
        ),
      ]);
      expect([a, b].filter((res) => res.data?.bookSession).length).toBe(1);
      expect([a, b].filter((res) => errorCode(res) === 'CONFLICT').length).toBe(1);
    }
    // With a session booked with the first mentor, the second mentor's slots leave it out, for the mentee only.
    await system.db.query(`TRUNCATE sessions CASCADE`);
    expect((await book(pair.mentee.token, startsAt)).errors).toBeUndefined();
    const window = {
      mentorId: second.mentor.profileId,
      from: hoursFromNow(49),
      to: hoursFromNow(53),
      durationMinutes: 60,
    };
    const clash = later;
    const forMentee = (await system.gql(AVAILABLE_SLOTS, window, pair.mentee.token)).data.availableSlots;
    const forStranger = (await system.gql(AVAILABLE_SLOTS, window, (await signUpUser(system)).token)).data
      .availableSlots;
    expect(forMentee.map((slot: { startsAt: string }) => slot.startsAt)).not.toContain(clash);
    expect(forStranger.map((slot: { startsAt: string }) => slot.startsAt)).toContain(clash);
  });

  it('holds the no-overlap rule in PostgreSQL itself, and frees the time when a session is cancelled', async () => {
    const first = (await book(pair.mentee.token, hoursFromNow(30))).data.bookSession;
    const insertOverlap = () =>
      system.db.query(
        `WITH s AS (INSERT INTO sessions (host_id, mentorship_id, starts_at, ends_at) VALUES ($1, $5, $2, $3) RETURNING id)
         INSERT INTO session_participants (session_id, user_id, position, during)
         SELECT id, $4, 0, tstzrange($2, $3) FROM s`,
        [pair.mentor.userId, first.startsAt, first.endsAt, pair.mentee.userId, pair.id],
      );
    await expect(insertOverlap()).rejects.toMatchObject({ driverError: { code: '23P01' } });
    await system.gql(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: first.id }, pair.mentor.token);
    await expect(insertOverlap()).resolves.toBeDefined();
  });

  it('shows a session to its participants only', async () => {
    const session = (await book(pair.mentee.token, hoursFromNow(30))).data.bookSession;
    const stranger = await signUpUser(system, 'Eve');
    for (const token of [pair.mentee.token, pair.mentor.token]) {
      expect((await system.gql(SESSION, { id: session.id }, token)).data.session.id).toBe(session.id);
    }
    expect(errorCode(await system.gql(SESSION, { id: session.id }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(SESSION, { id: 'nope' }, stranger.token))).toBe('NOT_FOUND');
    const list = `query { sessions { totalCount edges { node { id } } } }`;
    expect((await system.gql(list, {}, stranger.token)).data.sessions.totalCount).toBe(0);
    expect((await system.gql(list, {}, pair.mentor.token)).data.sessions.edges).toEqual([{ node: { id: session.id } }]);
    const mentorship = await system.gql(
      `query ($id: ID!) { mentorship(id: $id) { sessions { totalCount edges { node { id } } } nextSession { id } } }`,
      { id: pair.id },
      pair.mentee.token,
    );
    expect(mentorship.data.mentorship).toEqual({
      sessions: { totalCount: 1, edges: [{ node: { id: session.id } }] },
      nextSession: { id: session.id },
    });
  });
});
