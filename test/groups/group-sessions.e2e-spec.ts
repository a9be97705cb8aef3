import ICAL from 'ical.js';
import {
  ACCEPT_JOIN,
  activeMentorship,
  BOOK_GROUP_SESSION,
  BOOK_SESSION,
  CLOSE_GROUP,
  createGroup,
  errorCode,
  hoursFromNow,
  LEAVE_GROUP,
  publishedMentor,
  sendRequest,
  setAvailability,
  signUpUser,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { QUEUES, QueueRegistry } from '@app/platform';
import { firstPush } from '../support/first-push.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const GROUP_SESSIONS = `query ($id: ID!) {
  group(id: $id) { sessions { totalCount edges { node { id participants { id } } } } }
}`;
const MY_SESSIONS = `query { sessions { edges { node { id group { id } participants { id } } } } }`;
const CANCEL = `mutation ($id: ID!) { cancelSession(id: $id, reason: "Host is ill") { id status } }`;
const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleSession(id: $id, startsAt: $startsAt) { id startsAt } }`;

describe('group and circle sessions', () => {
  let system: TestSystem;
  let host: TestMentor;
  let groupId: string;
  let members: TestUser[];
  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  beforeEach(async () => {
    await system.reset();
    host = await publishedMentor(system, { displayName: 'Grace Host' });
    await setAvailability(system, host);
    groupId = await createGroup(system, host.token, { capacity: 5, sessionLengthMinutes: 60 });
    members = [];
    for (const name of ['Ada', 'Bob']) members.push(await seat(await signUpUser(system, name)));
  });
  afterAll(() => system.close());

  async function seat(mentee: TestUser): Promise<TestUser> {
    const requestId = await sendRequest(system, mentee.token, host.profileId, { groupId, format: 'GROUP' });
    const res = await system.gql(ACCEPT_JOIN, { id: requestId }, host.token);
    if (!res.data) throw new Error(`accept failed: ${JSON.stringify(res.errors)}`);
    return mentee;
  }

  const bookGroup = (startsAt: string, overrides: Record<string, unknown> = {}, token = host.token) =>
    system.gql(BOOK_GROUP_SESSION, { input: { groupId, startsAt, durationMinutes: 60, ...overrides } }, token);

  const participantsOf = async (sessionId: string): Promise<string[]> =>
    (
      await system.db.query(
        `SELECT user_id AS "userId" FROM session_participants WHERE session_id = $1 AND active ORDER BY position`,
        [sessionId],
      )
    ).map((row: { userId: string }) => row.userId);

  it('the host books one session for everyone; members are told, see it and find it in their sessions', async () => {
    const res = await bookGroup(hoursFromNow(30));
    expect(res.errors).toBeUndefined();
    const session = res.data.bookGroupSession;
    expect(session).toMatchObject({
      status: 'SCHEDULED',
      host: { id: host.userId },
      participants: [{ id: host.userId }, { id: members[0].userId }, { id: members[1].userId }],
      group: { id: groupId },
      mentorship: null,
    });
    await system.settle();
    const told = await system.db.query(
      `SELECT user_id AS "userId" FROM notifications WHERE type = 'SESSION_BOOKED' ORDER BY user_id`,
    );
    expect(told.map((row: { userId: string }) => row.userId).sort()).toEqual(
      [host.userId, members[0].userId, members[1].userId].sort(),
    );
    // Reminders are armed for group sessions as for any other, and speak to every participant.
    const hour = await system.api.get(QueueRegistry).get(QUEUES.lifecycle).getJob(`remind-${session.id}-v1-HOUR`);
    expect(await hour!.getState()).toBe('delayed');
    await hour!.promote();
    await system.settle();
    const reminded = await system.db.query(
      `SELECT user_id AS "userId" FROM notifications WHERE type = 'SESSION_REMINDER'`,
    );
    expect(reminded).toHaveLength(3);

    const listed = await system.gql(GROUP_SESSIONS, { id: groupId }, members[1].token);
    expect(listed.data.group.sessions).toMatchObject({ totalCount: 1, edges: [{ node: { id: session.id } }] });
    const stranger = await signUpUser(system, 'Eve');
    expect((await system.gql(GROUP_SESSIONS, { id: groupId }, stranger.token)).data.group.sessions.totalCount).toBe(0);
    expect((await system.gql(GROUP_SESSIONS, { id: groupId })).data.group.sessions.totalCount).toBe(0);
    const mine = await system.gql(MY_SESSIONS, {}, members[0].token);
    expect(mine.data.sessions.edges).toEqual([
      { node: expect.objectContaining({ id: session.id, group: { id: groupId } }) },
    ]);
  });

  it('refuses members, strangers, wrong lengths, long agendas, times not offered and closed groups', async () => {
    const stranger = await signUpUser(system, 'Eve');
    expect(errorCode(await bookGroup(hoursFromNow(30), {}, members[0].token))).toBe('FORBIDDEN');
    expect(errorCode(await bookGroup(hoursFromNow(30), {}, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await bookGroup(hoursFromNow(30), { groupId: 'nope' }))).toBe('NOT_FOUND');
    const length = await bookGroup(hoursFromNow(30), { durationMinutes: 30 });
    expect(length.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    const agenda = await bookGroup(hoursFromNow(30), { agenda: 'x'.repeat(2001) });
    expect(agenda.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agenda' });
    expect((await bookGroup(hoursFromNow(-3))).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLOT_TAKEN',
    });
    await system.gql(CLOSE_GROUP, { id: groupId }, host.token);
    expect(errorCode(await bookGroup(hoursFromNow(30)))).toBe('CONFLICT');
    expect(errorCode(await bookGroup(hoursFromNow(30), {}, stranger.token))).toBe('NOT_FOUND');
    expect(await system.db.query(`SELECT id FROM sessions`)).toEqual([]);
  });

  it('a member busy at that time makes the booking CONFLICT and is named in the extensions', async () => {
    const pair = await activeMentorship(system, { mentee: members[1] });
    const startsAt = hoursFromNow(40);
    const own = await system.gql(
      BOOK_SESSION,
      { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60 } },
      members[1].token,
    );
    expect(own.errors).toBeUndefined();
    const half = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString();
    const res = await bookGroup(half);
    expect(res.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'CONFLICT', reason: 'PARTICIPANT_BUSY', busyUserIds: [members[1].userId] }),
    );
    expect(await system.db.query(`SELECT id FROM sessions WHERE group_id IS NOT NULL`)).toEqual([]);
  });

  it('a group session and a member’s one-to-one booking race for the member: exactly one wins', async () => {
    const member = members[0];
    const pair = await activeMentorship(system, { mentee: member });
    for (let round = 0; round < 6; round++) {
      const startsAt = hoursFromNow(60 + round * 3);
      const [group, own] = await Promise.all([
        bookGroup(startsAt),
        system.gql(
          BOOK_SESSION,
          { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60 } },
          round % 2 ? member.token : pair.mentor.token,
        ),
      ]);
      const won = [group.data?.bookGroupSession, own.data?.bookSession].filter(Boolean);
      expect(won).toHaveLength(1);
      const loser = group.data?.bookGroupSession ? own : group;
      expect(errorCode(loser)).toBe('CONFLICT');
      if (loser === group) expect(group.errors?.[0]?.extensions?.busyUserIds).toEqual([member.userId]);
      const [{ overlapping }] = await system.db.query(
        `SELECT count(*)::int AS overlapping FROM session_participants WHERE user_id = $1 AND active
            AND during && tstzrange($2::timestamptz, $2::timestamptz + interval '1 hour')`,
        [member.userId, startsAt],
      );
      expect(overlapping).toBe(1);
    }
  });

  it('only the host cancels or moves a group session; everyone else in it is told and moved', async () => {
    const id = (await bookGroup(hoursFromNow(30))).data.bookGroupSession.id;
    expect(errorCode(await system.gql(CANCEL, { id }, members[0].token))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(RESCHEDULE, { id, startsAt: hoursFromNow(34) }, members[0].token))).toBe(
      'FORBIDDEN',
    );
    const moved = await system.gql(RESCHEDULE, { id, startsAt: hoursFromNow(34) }, host.token);
    expect(moved.errors).toBeUndefined();
    const [{ ranges }] = await system.db.query(
      `SELECT count(DISTINCT during)::int AS ranges FROM session_participants WHERE session_id = $1`,
      [id],
    );
    expect(ranges).toBe(1);
    expect((await system.gql(CANCEL, { id }, host.token)).data.cancelSession.status).toBe('CANCELLED');
    // A member's calendar feed carries the group session, cancelled, read with a real iCalendar parser.
    const feedUrl: string = (await system.gql(`query { me { calendarFeedUrl } }`, {}, members[1].token)).data.me
      .calendarFeedUrl;
    const ics = await (await fetch(`${system.baseUrl}${new URL(feedUrl).pathname}`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((event) => String(event.getFirstPropertyValue('status')))).toEqual(['CANCELLED']);
    expect(String(events[0]?.getFirstPropertyValue('uid'))).toContain(id);
    await system.settle();
    const told = await system.db.query(
      `SELECT user_id AS "userId" FROM notifications WHERE type = 'SESSION_CANCELLED'`,
    );
    expect(told.map((row: { userId: string }) => row.userId).sort()).toEqual(
      [members[0].userId, members[1].userId].sort(),
    );
  });

  it('a member who joins later is added to future sessions where free; one who leaves is taken out', async () => {
    const first = (await bookGroup(hoursFromNow(30))).data.bookGroupSession.id;
    const second = (await bookGroup(hoursFromNow(54))).data.bookGroupSession.id;
    const late = await signUpUser(system, 'Cleo Late');
    const pair = await activeMentorship(system, { mentee: late });
    const busy = await system.gql(
      BOOK_SESSION,
      { input: { mentorshipId: pair.id, startsAt: hoursFromNow(54), durationMinutes: 60 } },
      late.token,
    );
    expect(busy.errors).toBeUndefined();

    await seat(late);
    await system.settle();
    expect(await participantsOf(first)).toEqual([host.userId, members[0].userId, members[1].userId, late.userId]);
    expect(await participantsOf(second)).toEqual([host.userId, members[0].userId, members[1].userId]);
    const seen = await system.gql(GROUP_SESSIONS, { id: groupId }, late.token);
    expect(seen.data.group.sessions.totalCount).toBe(2);

    await system.gql(LEAVE_GROUP, { id: groupId }, members[0].token);
    await system.settle();
    expect(await participantsOf(first)).toEqual([host.userId, members[1].userId, late.userId]);
    expect(await participantsOf(second)).toEqual([host.userId, members[1].userId]);
  });

  it('pushes sessionChanged to the host and every member, with the group it belongs to', async () => {
    const listeners = [host, ...members].map((person) =>
      firstPush<{ id: string; group: { id: string } }>(
        system.url,
        person.token,
        `subscription { sessionChanged { id status group { id } } }`,
        'sessionChanged',
      ),
    );
    await Promise.all(listeners.map((listener) => listener.connected));
    // The subscribe message follows the ack; give the server a moment to register them.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const session = (await bookGroup(hoursFromNow(30))).data.bookGroupSession;
    const pushed = await Promise.all(listeners.map((listener) => listener.first));
    for (const push of pushed) expect(push).toMatchObject({ id: session.id, group: { id: groupId } });
    for (const listener of listeners) await listener.client.dispose();
  });
});
