import { ACCEPT_REQUEST, DECLINE_REQUEST, publishedMentor, sendRequest, signUpUser, type TestUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const INBOX = `{ notifications { unreadCount edges { node { id type title body link readAt } } } }`;

describe('in-app notifications for the request and mentorship lifecycle', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const typesOf = async (user: TestUser): Promise<string[]> => {
    const res = await system.gql(INBOX, {}, user.token);
    return res.data.notifications.edges
      .map((edge: { node: { type: string } }) => edge.node.type)
      .filter((type: string) => type !== 'WELCOME')
      .sort();
  };

  it('tells the right person about every transition', async () => {
    const mentor = await publishedMentor(system, { maxActiveMentees: 5 });
    const accepted = await signUpUser(system, 'Accepted');
    const declined = await signUpUser(system, 'Declined');
    const a = await sendRequest(system, accepted.token, mentor.profileId);
    const d = await sendRequest(system, declined.token, mentor.profileId);
    const mentorshipId = (await system.gql(ACCEPT_REQUEST, { id: a }, mentor.token)).data.acceptMentorshipRequest.id;
    await system.gql(DECLINE_REQUEST, { id: d, reason: 'NOT_A_FIT' }, mentor.token);
    await system.gql(
      `mutation ($id: ID!) { endMentorship(id: $id, reason: "Moving abroad") { id } }`,
      { id: mentorshipId },
      accepted.token,
    );
    await system.settle();

    expect(await typesOf(mentor)).toEqual(['MENTORSHIP_ENDED', 'REQUEST_RECEIVED', 'REQUEST_RECEIVED']);
    expect(await typesOf(accepted)).toEqual(['REQUEST_ACCEPTED']);
    expect(await typesOf(declined)).toEqual(['REQUEST_DECLINED']);

    const inbox = (await system.gql(INBOX, {}, mentor.token)).data.notifications;
    const ended = inbox.edges.find((edge: { node: { type: string } }) => edge.node.type === 'MENTORSHIP_ENDED').node;
    expect(ended).toMatchObject({ title: 'Accepted ended your mentorship', link: `/mentorships/${mentorshipId}` });
    expect(ended.body).toContain('Moving abroad');

    const marked = await system.gql(
      `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: [ended.id] },
      mentor.token,
    );
    expect(marked.data.markNotificationsRead).toBe(1);
    expect((await system.gql(INBOX, {}, mentor.token)).data.notifications.unreadCount).toBe(inbox.unreadCount - 1);
  });
});
