import {
  ACCEPT_JOIN,
  activeMentorship,
  BOOK_GROUP_SESSION,
  BOOK_SESSION,
  createGroup,
  enrolledUser,
  errorCode,
  hoursFromNow,
  LEAVE_GROUP,
  openProgram,
  publishedMentor,
  sendRequest,
  SESSION_FIELDS,
  setAvailability,
  signUpUser,
  submitReview,
  type TestMentor,
  type TestMentorship,
  type TestUser,
} from '@app/testing';
import { heldSession } from '../feedback/feedback-fixtures.js';
import { shiftSession } from '../support/shift-session.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startReceiver, type Receiver } from './receiver.js';
import { CREATE_WEBHOOK, createWebhook } from './webhook-operations.js';

const SESSION_EVENTS = [
  'SESSION_BOOKED',
  'SESSION_RESCHEDULED',
  'SESSION_CANCELLED',
  'SESSION_COMPLETED',
  'SESSION_NO_SHOW',
];
const SESSION = `query ($id: ID!) { session(id: $id) { ${SESSION_FIELDS} group { id } } }`;
const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleSession(id: $id, startsAt: $startsAt) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelSession(id: $id, reason: "Ill today") { id } }`;
const COMPLETE = `mutation ($id: ID!) { completeSession(id: $id) { status } }`;
const NO_SHOW = `mutation ($id: ID!, $userId: ID!) { reportNoShow(id: $id, userId: $userId) { status } }`;
const RUN_ROUND = `mutation ($id: ID!) { runMatchingRound(programId: $id) { id } }`;
const PUBLISH_ROUND = `mutation ($round: ID!) { publishMatchingRound(roundId: $round) {
  id status totalScore proposals { score reasons mentor { id } mentee { id } } unmatchedMentees { id }
} }`;

describe('webhooks of sessions, reviews, groups and programs', () => {
  let system: TestSystem;
  let receivers: Receiver[] = [];

  const receiver = async (): Promise<Receiver> => {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  };
  const types = (r: Receiver): string[] => r.received.map((hit) => hit.json.type);
  /** A receiver behind a new webhook of `user` for `events`. */
  const hooked = async (user: TestUser, events: string[]): Promise<Receiver> => {
    const target = await receiver();
    await createWebhook(system, user.token, target.url, events);
    return target;
  };
  const shift = (id: string, hours: number) => shiftSession(system.db, id, hours);

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, config: { WEBHOOK_TIMEOUT_MS: '1000' } });
  });
  beforeEach(() => system.reset());
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });
  afterAll(() => system.close());

  describe('sessions', () => {
    let pair: TestMentorship;
    let stranger: TestUser;
    beforeEach(async () => {
      pair = await activeMentorship(system);
      stranger = await signUpUser(system, 'Eve Stranger');
      // The request and mentorship events are fanned out before any webhook below exists.
      await system.settle();
    });

    const book = async (startsAt: string): Promise<string> => {
      const res = await system.gql(
        BOOK_SESSION,
        { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60, agenda: 'Career plan' } },
        pair.mentee.token,
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.bookSession.id;
    };

    it('tells both participants of every move, each shown the Session as the API shows them; a stranger hears nothing', async () => {
      const [toMentee, toMentor, toStranger] = await Promise.all([
        hooked(pair.mentee, SESSION_EVENTS),
        hooked(pair.mentor, SESSION_EVENTS),
        hooked(stranger, SESSION_EVENTS),
      ]);

      const moved = await book(hoursFromNow(30));
      await system.settle();
      const [booked] = toMentee.received;
      const api = (await system.gql(SESSION, { id: moved }, pair.mentee.token)).data.session;
      expect(booked.json.type).toBe('session.booked');
      expect(booked.headers['mentorbridge-event']).toBe('session.booked');
      expect(booked.json.data).toMatchObject({
        ...api,
        participants: [
          { id: pair.mentor.userId, displayName: 'Grace Mentor', email: null },
          { id: pair.mentee.userId, displayName: 'Ada Mentee', email: pair.mentee.email },
        ],
      });
      expect(booked.json.data.agenda).toBe('Career plan');
      expect(toMentor.received[0].json.data.participants[0]).toEqual({
        id: pair.mentor.userId,
        displayName: 'Grace Mentor',
        email: pair.mentor.email,
      });

      expect(
        (await system.gql(RESCHEDULE, { id: moved, startsAt: hoursFromNow(54) }, pair.mentor.token)).errors,
      ).toBeUndefined();
      expect((await system.gql(CANCEL, { id: moved }, pair.mentee.token)).errors).toBeUndefined();
      const held = await book(hoursFromNow(80));
      await shift(held, -84);
      expect((await system.gql(COMPLETE, { id: held }, pair.mentee.token)).data.completeSession.status).toBe(
        'COMPLETED',
      );
      const missed = await book(hoursFromNow(100));
      await shift(missed, -100.5);
      const reported = await system.gql(NO_SHOW, { id: missed, userId: pair.mentee.userId }, pair.mentor.token);
      expect(reported.data.reportNoShow.status).toBe('NO_SHOW');
      await system.settle();

      const expected = [
        'session.booked',
        'session.rescheduled',
        'session.cancelled',
        'session.booked',
        'session.completed',
        'session.booked',
        'session.no.show',
      ];
      expect(types(toMentee)).toEqual(expected);
      expect(types(toMentor)).toEqual(expected);
      expect(toStranger.received).toEqual([]);
      const byType = (type: string) => toMentor.received.filter((hit) => hit.json.type === type).map((hit) => hit.json);
      expect(byType('session.rescheduled')[0].data).toMatchObject({ id: moved, status: 'SCHEDULED' });
      expect(byType('session.cancelled')[0].data).toMatchObject({
        id: moved,
        status: 'CANCELLED',
        cancelReason: 'Ill today',
        cancelledBy: { id: pair.mentee.userId },
        mentorship: { id: pair.id },
        group: null,
      });
      expect(byType('session.completed')[0].data).toMatchObject({ id: held, status: 'COMPLETED' });
      expect(byType('session.no.show')[0].data).toMatchObject({
        id: missed,
        status: 'NO_SHOW',
        noShows: [{ id: pair.mentee.userId }],
      });
    });

    it('sends a webhook only the session events it asked for', async () => {
      const cancelledOnly = await hooked(pair.mentee, ['SESSION_CANCELLED']);
      const id = await book(hoursFromNow(30));
      await system.gql(CANCEL, { id }, pair.mentor.token);
      await system.settle();
      expect(types(cancelledOnly)).toEqual(['session.cancelled']);
    });
  });

  describe('groups', () => {
    let host: TestMentor;
    let groupId: string;
    const seat = async (mentee: TestUser): Promise<void> => {
      const requestId = await sendRequest(system, mentee.token, host.profileId, { groupId, format: 'GROUP' });
      const res = await system.gql(ACCEPT_JOIN, { id: requestId }, host.token);
      if (!res.data) throw new Error(`accept failed: ${JSON.stringify(res.errors)}`);
    };
    beforeEach(async () => {
      host = await publishedMentor(system, { displayName: 'Grace Host' });
      await setAvailability(system, host);
      groupId = await createGroup(system, host.token, { capacity: 5, sessionLengthMinutes: 60 });
    });

    it('tells the host and the members who joined, and nothing of a leave; a stranger hears nothing', async () => {
      const ada = await signUpUser(system, 'Ada Member');
      const bob = await signUpUser(system, 'Bob Member');
      const stranger = await signUpUser(system, 'Eve Stranger');
      await seat(ada);
      await system.settle();
      const [toHost, toAda, toBob, toStranger] = await Promise.all([
        hooked(host, ['GROUP_MEMBER_JOINED']),
        hooked(ada, ['GROUP_MEMBER_JOINED']),
        hooked(bob, ['GROUP_MEMBER_JOINED']),
        hooked(stranger, ['GROUP_MEMBER_JOINED']),
      ]);

      await seat(bob);
      await system.settle();
      expect(types(toHost)).toEqual(['group.member.joined']);
      expect(types(toAda)).toEqual(['group.member.joined']);
      expect(types(toBob)).toEqual(['group.member.joined']);
      expect(toStranger.received).toEqual([]);
      expect(toAda.received[0].json.data).toMatchObject({
        member: { id: bob.userId, displayName: 'Bob Member', email: null },
        group: {
          id: groupId,
          host: { id: host.profileId },
          memberCount: 2,
          seatsLeft: 3,
          members: [
            { id: ada.userId, email: ada.email },
            { id: bob.userId, email: null },
          ],
        },
      });
      expect(toBob.received[0].json.data.member.email).toBe(bob.email);

      expect((await system.gql(LEAVE_GROUP, { id: groupId }, bob.token)).errors).toBeUndefined();
      await system.settle();
      expect(types(toHost)).toEqual(['group.member.joined']);
      expect(types(toAda)).toEqual(['group.member.joined']);
    });

    it('tells every participant of a group session, and no one outside the group', async () => {
      const ada = await signUpUser(system, 'Ada Member');
      const stranger = await signUpUser(system, 'Eve Stranger');
      await seat(ada);
      await system.settle();
      const [toHost, toAda, toStranger] = await Promise.all([
        hooked(host, SESSION_EVENTS),
        hooked(ada, SESSION_EVENTS),
        hooked(stranger, SESSION_EVENTS),
      ]);
      const res = await system.gql(
        BOOK_GROUP_SESSION,
        { input: { groupId, startsAt: hoursFromNow(30), durationMinutes: 60 } },
        host.token,
      );
      expect(res.errors).toBeUndefined();
      await system.settle();
      expect(types(toHost)).toEqual(['session.booked']);
      expect(types(toAda)).toEqual(['session.booked']);
      expect(toStranger.received).toEqual([]);
      expect(toAda.received[0].json.data).toMatchObject({
        id: res.data.bookGroupSession.id,
        group: { id: groupId },
        mentorship: null,
        host: { id: host.userId },
        participants: [{ id: host.userId }, { id: ada.userId }],
      });
    });
  });

  it('publishes a review to its author and its subject once revealed, not while it is blind', async () => {
    const pair = await activeMentorship(system);
    const stranger = await signUpUser(system, 'Eve Stranger');
    await heldSession(system, pair);
    await system.settle();
    const [toMentee, toMentor, toStranger] = await Promise.all([
      hooked(pair.mentee, ['REVIEW_PUBLISHED']),
      hooked(pair.mentor, ['REVIEW_PUBLISHED']),
      hooked(stranger, ['REVIEW_PUBLISHED']),
    ]);

    const menteeReview = await submitReview(system, pair.mentee.token, pair.id, 5, 'Clear and kind');
    await system.settle();
    expect(toMentee.received).toEqual([]);
    expect(toMentor.received).toEqual([]);

    // The mentor's own review reveals both: each side hears of both, the one written and the one received.
    const mentorReview = await submitReview(system, pair.mentor.token, pair.id, 4, 'Well prepared');
    await system.settle();
    expect(types(toMentee)).toEqual(['review.published', 'review.published']);
    expect(types(toMentor)).toEqual(['review.published', 'review.published']);
    expect(toStranger.received).toEqual([]);
    const seen = toMentee.received.map((hit) => hit.json.data);
    expect(seen.map((review) => review.id).sort()).toEqual([menteeReview.id, mentorReview.id].sort());
    const written = seen.find((review) => review.id === menteeReview.id)!;
    expect(written).toMatchObject({
      author: { id: pair.mentee.userId, email: pair.mentee.email },
      subject: { id: pair.mentor.userId, email: null },
      rating: 5,
      comment: 'Clear and kind',
      visibility: 'PUBLISHED',
      revealedAt: expect.any(String),
    });
    expect(written).not.toHaveProperty('reportCount');
  });

  describe('programs', () => {
    it('lets only an admin of the organisation register a webhook for its program', async () => {
      const program = await openProgram(system);
      const enrolled = await enrolledUser(system, program, 'MENTEE');
      const stranger = await signUpUser(system, 'Eve Stranger');
      const input = (events: string[], programId: string | null = program.programId) => ({
        input: { url: 'http://127.0.0.1:9/hooks', events, programId },
      });

      for (const outsider of [enrolled, stranger]) {
        expect(errorCode(await system.gql(CREATE_WEBHOOK, input(['PROGRAM_ROUND_PUBLISHED']), outsider.token))).toBe(
          'NOT_FOUND',
        );
      }
      const personal = await system.gql(CREATE_WEBHOOK, input(['REQUEST_SENT']), program.admin.token);
      expect(personal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0]' });
      const unscoped = await system.gql(
        CREATE_WEBHOOK,
        input(['REQUEST_SENT', 'PROGRAM_ROUND_PUBLISHED'], null),
        program.admin.token,
      );
      expect(unscoped.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[1]' });
      expect(await system.db.query(`SELECT id FROM webhooks`)).toEqual([]);

      const created = await system.gql(CREATE_WEBHOOK, input(['PROGRAM_ROUND_PUBLISHED']), program.admin.token);
      expect(created.data.createWebhook.webhook).toMatchObject({ events: ['PROGRAM_ROUND_PUBLISHED'] });
      const [row] = await system.db.query(`SELECT program_id AS "programId" FROM webhooks`);
      expect(row.programId).toBe(program.programId);
    });

    it("delivers one program.round.published per round to that program's webhooks only", async () => {
      const program = await openProgram(system);
      const other = await openProgram(system);
      const mentor = await enrolledUser(system, program, 'MENTOR');
      const mentee = await enrolledUser(system, program, 'MENTEE');
      const [toProgram, toOtherProgram, toMentee, toAdmin] = await Promise.all([
        receiver(),
        receiver(),
        receiver(),
        receiver(),
      ]);
      const register = async (admin: TestUser, programId: string, target: Receiver) => {
        const res = await system.gql(
          CREATE_WEBHOOK,
          { input: { url: target.url, events: ['PROGRAM_ROUND_PUBLISHED'], programId } },
          admin.token,
        );
        expect(res.errors).toBeUndefined();
      };
      await register(program.admin, program.programId, toProgram);
      await register(other.admin, other.programId, toOtherProgram);
      await createWebhook(system, mentee.token, toMentee.url, ['MENTORSHIP_COMPLETED', 'SESSION_BOOKED']);
      await createWebhook(system, program.admin.token, toAdmin.url, ['REQUEST_SENT', 'SESSION_BOOKED']);

      const round = (await system.gql(RUN_ROUND, { id: program.programId }, program.admin.token)).data.runMatchingRound;
      const published = await system.gql(PUBLISH_ROUND, { round: round.id }, program.admin.token);
      expect(published.errors).toBeUndefined();
      await system.settle();

      expect(types(toProgram)).toEqual(['program.round.published']);
      expect(toProgram.received[0].json.data).toEqual({
        program: { id: program.programId },
        round: {
          id: round.id,
          status: 'PUBLISHED',
          createdAt: expect.any(String),
          totalScore: published.data.publishMatchingRound.totalScore,
          proposals: [
            {
              mentor: { id: mentor.enrollmentId, user: { id: mentor.userId }, role: 'MENTOR' },
              mentee: { id: mentee.enrollmentId, user: { id: mentee.userId }, role: 'MENTEE' },
              score: published.data.publishMatchingRound.proposals[0].score,
              reasons: published.data.publishMatchingRound.proposals[0].reasons,
            },
          ],
          unmatchedMentees: [],
        },
      });
      expect(toOtherProgram.received).toEqual([]);
      expect(toMentee.received).toEqual([]);
      expect(toAdmin.received).toEqual([]);
    });
  });
});
