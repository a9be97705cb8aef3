import {
  ACCEPT_REQUEST,
  DECLINE_REQUEST,
  errorCode,
  publishedMentor,
  REQUEST_BY_ID,
  sendRequest,
  signUpUser,
  WITHDRAW_REQUEST,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('answering a mentorship request', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  let mentee: TestUser;
  let requestId: string;

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system);
    mentee = await signUpUser(system, 'Ada Mentee');
    requestId = await sendRequest(system, mentee.token, mentor.profileId);
  });
  afterAll(() => system.close());

  const accept = (token: string, id = requestId) => system.gql(ACCEPT_REQUEST, { id, message: 'Happy to!' }, token);
  const decline = (token: string, id = requestId) =>
    system.gql(DECLINE_REQUEST, { id, reason: 'SCHEDULE', message: 'Fully booked this quarter' }, token);
  const withdraw = (token: string, id = requestId) => system.gql(WITHDRAW_REQUEST, { id }, token);
  const transitions = () =>
    system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to", reason
         FROM mentorship_request_transitions WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );

  it('accepting starts a mentorship with the request goals, in one transaction', async () => {
    const res = await accept(mentor.token);
    expect(res.errors).toBeUndefined();
    const mentorship = res.data.acceptMentorshipRequest;
    expect(mentorship).toMatchObject({
      status: 'ACTIVE',
      format: 'ONE_ON_ONE',
      cadence: 'BIWEEKLY',
      channel: 'VIDEO',
      endedAt: null,
      mentee: { id: mentee.userId },
      mentor: { id: mentor.profileId },
      request: { id: requestId, status: 'ACCEPTED' },
    });
    expect(mentorship.goals.map((goal: { title: string }) => goal.title)).toEqual([
      'Lead my first team',
      'Design a service end to end',
    ]);
    const request = (await system.gql(REQUEST_BY_ID, { id: requestId }, mentee.token)).data.mentorshipRequest;
    expect(request).toMatchObject({
      status: 'ACCEPTED',
      responseMessage: 'Happy to!',
      mentorship: { id: mentorship.id },
    });
    expect(request.respondedAt).not.toBeNull();
    expect(await transitions()).toEqual([
      { actorId: mentee.userId, from: null, to: 'PENDING', reason: null },
      { actorId: mentor.userId, from: 'PENDING', to: 'ACCEPTED', reason: null },
    ]);
  });

  it('declining records the reason and message', async () => {
    const res = await decline(mentor.token);
    expect(res.data.declineMentorshipRequest).toMatchObject({
      status: 'DECLINED',
      declineReason: 'SCHEDULE',
      responseMessage: 'Fully booked this quarter',
      mentorship: null,
    });
    expect((await transitions())[1]).toEqual({
      actorId: mentor.userId,
      from: 'PENDING',
      to: 'DECLINED',
      reason: 'SCHEDULE',
    });
  });

  it('withdrawing is the mentee’s, while pending', async () => {
    const res = await withdraw(mentee.token);
    expect(res.data.withdrawMentorshipRequest.status).toBe('WITHDRAWN');
    expect((await transitions())[1]).toMatchObject({ actorId: mentee.userId, from: 'PENDING', to: 'WITHDRAWN' });
  });

  it('writes an outbox event for every transition, in the same transaction', async () => {
    await accept(mentor.token);
    const events = await system.db.query<Array<{ type: string }>>(
      `SELECT type FROM outbox_events WHERE type LIKE 'mentorship%' ORDER BY id`,
    );
    expect(events.map((event) => event.type)).toEqual([
      'mentorship_request.transitioned',
      'mentorship_request.transitioned',
      'mentorship.transitioned',
    ]);
  });

  it.each([
    ['accept an accepted request', 'accept', 'accept'],
    ['decline an accepted request', 'accept', 'decline'],
    ['withdraw an accepted request', 'accept', 'withdraw'],
    ['accept a declined request', 'decline', 'accept'],
    ['decline a declined request', 'decline', 'decline'],
    ['withdraw a declined request', 'decline', 'withdraw'],
    ['accept a withdrawn request', 'withdraw', 'accept'],
    ['decline a withdrawn request', 'withdraw', 'decline'],
    ['withdraw a withdrawn request', 'withdraw', 'withdraw'],
  ])('refuses to %s with CONFLICT and changes nothing', async (_name, first, second) => {
    const act = (move: string) =>
      move === 'withdraw' ? withdraw(mentee.token) : move === 'accept' ? accept(mentor.token) : decline(mentor.token);
    expect((await act(first)).errors).toBeUndefined();
    const before = await transitions();
    const res = await act(second);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await transitions()).toEqual(before);
  });

  it('refuses every move on an expired request with CONFLICT', async () => {
    await system.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second'`);
    await system.api.get((await import('@app/domain')).RequestsService).expire(requestId);
    for (const res of [await accept(mentor.token), await decline(mentor.token), await withdraw(mentee.token)]) {
      expect(errorCode(res)).toBe('CONFLICT');
    }
  });

  it('lets only the mentor answer and only the mentee withdraw; others get NOT_FOUND', async () => {
    const stranger = await signUpUser(system, 'Eve Stranger');
    expect(errorCode(await accept(mentee.token))).toBe('NOT_FOUND');
    expect(errorCode(await decline(mentee.token))).toBe('NOT_FOUND');
    expect(errorCode(await withdraw(mentor.token))).toBe('NOT_FOUND');
    for (const token of [stranger.token]) {
      expect(errorCode(await accept(token))).toBe('NOT_FOUND');
      expect(errorCode(await decline(token))).toBe('NOT_FOUND');
      expect(errorCode(await withdraw(token))).toBe('NOT_FOUND');
    }
    // The same answer as for an id that never existed, or one that is not an id at all.
    expect(errorCode(await accept(mentor.token, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await accept(mentor.token, 'nope'))).toBe('NOT_FOUND');
    expect((await transitions()).length).toBe(1);
  });

  it('refuses a decline reason outside the enum and a message too long, with BAD_USER_INPUT', async () => {
    const badReason = await system.gql(DECLINE_REQUEST, { id: requestId, reason: 'BORED' }, mentor.token);
    expect(errorCode(badReason)).toBe('BAD_USER_INPUT');
    expect(badReason.errors?.[0]?.extensions?.field).toBe('reason');
    const longMessage = await system.gql(ACCEPT_REQUEST, { id: requestId, message: 'x'.repeat(2001) }, mentor.token);
    expect(errorCode(longMessage)).toBe('BAD_USER_INPUT');
    expect(longMessage.errors?.[0]?.extensions?.field).toBe('message');
    expect((await transitions()).length).toBe(1);
  });
});
