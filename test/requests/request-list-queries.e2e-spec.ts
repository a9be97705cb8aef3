import { countQueries, publishedMentor, REQUEST_FIELDS, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const LIST = `query ($role: RequestRole!) {
  mentorshipRequests(role: $role, first: 50) {
    edges { node { ${REQUEST_FIELDS} mentor { activeMenteeCount acceptingRequests responseRate medianResponseHours } } }
  }
}`;

describe('listing requests', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  /** Statements one list query runs when the mentee has `n` requests out. */
  const statementsFor = async (n: number): Promise<number> => {
    await system.reset();
    const mentee = await signUpUser(system);
    for (let i = 0; i < n; i++) {
      const mentor = await publishedMentor(system);
      await sendRequest(system, mentee.token, mentor.profileId);
    }
    await system.settle();
    const counter = countQueries(system.db);
    const res = await system.gql(LIST, { role: 'SENT' }, mentee.token);
    counter.stop();
    expect(res.data.mentorshipRequests.edges).toHaveLength(n);
    return counter.queries.length;
  };

  it('resolves mentees, mentors, goals, mentorships and capacity in a constant number of queries', async () => {
    const few = await statementsFor(1);
    const many = await statementsFor(5);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});
