import { SessionTransitionsService } from '@app/domain';
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
import { firstPush } from '../support/first-push.js';
import { shiftSession } from '../support/shift-session.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleSession(id: $id, startsAt: $startsAt) { ${SESSION_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String) { cancelSession(id: $id, reason: $reason) { ${SESSION_FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!) { completeSession(id: $id) { ${SESSION_FIELDS} } }`;
const NO_SHOW = `mutation ($id: ID!, $userId: ID!) { reportNoShow(id: $id, userId: $userId) { ${SESSION_FIELDS} } }`;

describe('the session lifecycle', () => {
  let system: TestSystem;
  let pair: TestMentorship;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await activeMentorship(system);
  });
  afterAll(() => system.close());

  const book = async (startsAt: string) => {
    const res = await system.gql(
      BOOK_SESSION,
      { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60 } },
      pair.mentee.token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.bookSession;
  };
  const shift = (id: string, hours: number) => shiftSession(system.db, id, hours);
  const transitions = (id: string) =>
    system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to", reason FROM session_transitions
        WHERE session_id = $1 ORDER BY id`,
      [id],
    );
  const row = async (id: string) =>
    (
      await system.db.query(`SELECT version, reschedule_count AS "rescheduleCount" FROM sessions WHERE id = $1`, [id])
    )[0];

  it('reschedules into an offered slot, bumping version and sequence, and frees the old time', async () => {
    const session = await book(hoursFromNow(30));
    const target = hoursFromNow(54);
    const moved = await system.gql(RESCHEDULE, { id: session.id, startsAt: target }, pair.mentor.token);
    expect(moved.errors).toBeUndefined();
    expect(moved.data.rescheduleSession).toMatchObject({ startsAt: target, status: 'SCHEDULED' });
    expect(await row(session.id)).toEqual({ version: 2, rescheduleCount: 1 });
    expect((await transitions(session.id))[1]).toMatchObject({
      actorId: pair.mentor.userId,
      from: 'SCHEDULED',
      to: 'SCHEDULED',
    });
    const freed = await system.gql(
      AVAILABLE_SLOTS,
      { mentorId: pair.mentor.profileId, from: hoursFromNow(29), to: hoursFromNow(32), durationMinutes: 60 },
      pair.mentee.token,
    );
    expect(freed.data.availableSlots.map((slot: { startsAt: string }) => slot.startsAt)).toContain(session.startsAt);

    // The same checks as booking: another session in the way, a stranger, the past.
    const other = await book(hoursFromNow(80));
    expect(
      errorCode(await system.gql(RESCHEDULE, { id: session.id, startsAt: other.startsAt }, pair.mentee.token)),
    ).toBe('CONFLICT');
    const stranger = await signUpUser(system);
    expect(errorCode(await system.gql(RESCHEDULE, { id: session.id, startsAt: target }, stranger.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(await system.gql(RESCHEDULE, { id: session.id, startsAt: hoursFromNow(-3) }, pair.mentee.token)),
    ).toBe('CONFLICT');
    expect(await row(session.id)).toEqual({ version: 2, rescheduleCount: 1 });
  });

  it('records who cancelled and why, marks late cancellations, and refuses a second cancel', async () => {
    const early = await book(hoursFromNow(48));
    const late = await book(hoursFromNow(5));
    const tooLong = await system.gql(CANCEL, { id: early.id, reason: 'x'.repeat(1001) }, pair.mentee.token);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const cancelled = (await system.gql(CANCEL, { id: early.id, reason: 'Travel' }, pair.mentee.token)).data
      .cancelSession;
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: { id: pair.mentee.userId },
      cancelReason: 'Travel',
      lateCancellation: false,
    });
    const lateOne = (await system.gql(CANCEL, { id: late.id }, pair.mentor.token)).data.cancelSession;
    expect(lateOne).toMatchObject({
      status: 'CANCELLED',
      lateCancellation: true,
      cancelledBy: { id: pair.mentor.userId },
    });
    // Both sides see it.
    const seen = await system.gql(
      `query ($id: ID!) { session(id: $id) { lateCancellation } }`,
      { id: late.id },
      pair.mentee.token,
    );
    expect(seen.data.session.lateCancellation).toBe(true);
    expect(errorCode(await system.gql(CANCEL, { id: early.id }, pair.mentor.token))).toBe('CONFLICT');
    expect(await transitions(early.id)).toEqual([
      { actorId: pair.mentee.userId, from: null, to: 'SCHEDULED', reason: null },
      { actorId: pair.mentee.userId, from: 'SCHEDULED', to: 'CANCELLED', reason: 'Travel' },
    ]);
    // The time is free again: the same slot books anew.
    expect((await book(early.startsAt)).status).toBe('SCHEDULED');
  });

  it('takes a no-show report from a participant after the start, about another participant', async () => {
    const session = await book(hoursFromNow(30));
    expect(
      errorCode(await system.gql(NO_SHOW, { id: session.id, userId: pair.mentee.userId }, pair.mentor.token)),
    ).toBe('CONFLICT');
    await shift(session.id, -30.5);
    const self = await system.gql(NO_SHOW, { id: session.id, userId: pair.mentor.userId }, pair.mentor.token);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const stranger = await signUpUser(system);
    expect(errorCode(await system.gql(NO_SHOW, { id: session.id, userId: pair.mentee.userId }, stranger.token))).toBe(
      'NOT_FOUND',
    );
    const reported = await system.gql(NO_SHOW, { id: session.id, userId: pair.mentee.userId }, pair.mentor.token);
    expect(reported.data.reportNoShow).toMatchObject({ status: 'NO_SHOW', noShows: [{ id: pair.mentee.userId }] });
    expect(errorCode(await system.gql(COMPLETE, { id: session.id }, pair.mentee.token))).toBe('CONFLICT');
  });

  it('completes after the end, by hand or by the sweep two hours later, unless a no-show was reported', async () => {
    const byHand = await book(hoursFromNow(30));
    expect(errorCode(await system.gql(COMPLETE, { id: byHand.id }, pair.mentee.token))).toBe('CONFLICT');
    await shift(byHand.id, -36);
    expect((await system.gql(COMPLETE, { id: byHand.id }, pair.mentee.token)).data.completeSession.status).toBe(
      'COMPLETED',
    );

    const overdue = await book(hoursFromNow(40));
    const recent = await book(hoursFromNow(50));
    const missed = await book(hoursFromNow(60));
    await shift(overdue.id, -43.5); // ended about 2.5 hours ago
    await shift(recent.id, -51.5); // ended about half an hour ago
    await shift(missed.id, -68);
    await system.gql(NO_SHOW, { id: missed.id, userId: pair.mentor.userId }, pair.mentee.token);
    expect(await system.worker!.get(SessionTransitionsService).completeOverdue()).toBe(1);
    const statuses = await system.db.query(`SELECT id, status FROM sessions`);
    const statusOf = (id: string) => statuses.find((s: { id: string }) => s.id === id).status;
    expect([statusOf(overdue.id), statusOf(recent.id), statusOf(missed.id)]).toEqual([
      'COMPLETED',
      'SCHEDULED',
      'NO_SHOW',
    ]);
    expect((await transitions(overdue.id))[1]).toEqual({
      actorId: null,
      from: 'SCHEDULED',
      to: 'COMPLETED',
      reason: null,
    });
    const events = await system.db.query(`SELECT type FROM outbox_events WHERE type LIKE 'session.%' ORDER BY id`);
    expect(new Set(events.map((e: { type: string }) => e.type))).toEqual(
      new Set(['session.booked', 'session.completed', 'session.no_show']),
    );
  });

  it('pushes sessionChanged to every participant', async () => {
    const received = (token: string) =>
      firstPush<{ id: string; status: string }>(
        system.url,
        token,
        `subscription { sessionChanged { id status participants { id } } }`,
        'sessionChanged',
      );
    const mentee = received(pair.mentee.token);
    const mentor = received(pair.mentor.token);
    await Promise.all([mentee.connected, mentor.connected]);
    // The subscribe message follows the ack; give the server a moment to register both.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const session = await book(hoursFromNow(30));
    const [a, b] = await Promise.all([mentee.first, mentor.first]);
    for (const pushed of [a, b]) expect(pushed).toMatchObject({ id: session.id, status: 'SCHEDULED' });
    for (const listener of [mentee, mentor]) await listener.client.dispose();
  });
});
