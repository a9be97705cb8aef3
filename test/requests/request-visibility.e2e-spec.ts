import { errorCode, publishedMentor, REQUEST_BY_ID, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const LIST = `query ($role: RequestRole!, $status: [RequestStatus!], $first: Int, $after: String) {
  mentorshipRequests(role: $role, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status mentee { id } } }
  }
}`;

describe('who sees a mentorship request', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('shows a request to its mentee and mentor only; to anyone else it does not exist', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const stranger = await signUpUser(system, 'Eve Stranger');
    const id = await sendRequest(system, mentee.token, mentor.profileId);

    expect((await system.gql(REQUEST_BY_ID, { id }, mentee.token)).data.mentorshipRequest.id).toBe(id);
    expect((await system.gql(REQUEST_BY_ID, { id }, mentor.token)).data.mentorshipRequest.id).toBe(id);
    const peek = await system.gql(REQUEST_BY_ID, { id }, stranger.token);
    const missing = await system.gql(REQUEST_BY_ID, { id: '00000000-0000-4000-8000-000000000000' }, stranger.token);
    expect(errorCode(peek)).toBe('NOT_FOUND');
    expect(peek.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(errorCode(await system.gql(REQUEST_BY_ID, { id }))).toBe('UNAUTHENTICATED');
    for (const role of ['SENT', 'RECEIVED']) {
      expect((await system.gql(LIST, { role }, stranger.token)).data.mentorshipRequests.totalCount).toBe(0);
    }
  });

  it('lists sent and received requests by status, newest first, page by page', async () => {
    const mentee = await signUpUser(system);
    const mentors = [];
    for (let i = 0; i < 3; i++) mentors.push(await publishedMentor(system));
    const ids = [];
    for (const mentor of mentors) ids.push(await sendRequest(system, mentee.token, mentor.profileId));
    await system.gql(`mutation ($id: ID!) { withdrawMentorshipRequest(id: $id) { id } }`, { id: ids[0] }, mentee.token);

    const first = (await system.gql(LIST, { role: 'SENT', first: 2 }, mentee.token)).data.mentorshipRequests;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await system.gql(LIST, { role: 'SENT', first: 2, after: first.pageInfo.endCursor }, mentee.token))
      .data.mentorshipRequests;
    expect(second.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const pending = (await system.gql(LIST, { role: 'SENT', status: ['PENDING'] }, mentee.token)).data
      .mentorshipRequests;
    expect(pending.totalCount).toBe(2);
    const received = (await system.gql(LIST, { role: 'RECEIVED' }, mentors[1].token)).data.mentorshipRequests;
    expect(received.edges).toEqual([{ node: { id: ids[1], status: 'PENDING', mentee: { id: mentee.userId } } }]);
    expect((await system.gql(LIST, { role: 'RECEIVED' }, mentee.token)).data.mentorshipRequests.totalCount).toBe(0);
  });

  it('refuses a page size outside 1..100 and a forged cursor with BAD_USER_INPUT', async () => {
    const mentee = await signUpUser(system);
    expect(errorCode(await system.gql(LIST, { role: 'SENT', first: 101 }, mentee.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await system.gql(LIST, { role: 'SENT', after: 'garbage' }, mentee.token))).toBe('BAD_USER_INPUT');
  });
});
