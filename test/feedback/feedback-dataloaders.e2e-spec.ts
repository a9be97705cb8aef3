import { countQueries, mentorshipBetween, publishedMentor, submitReview, type TestMentor } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const LIST = `query {
  mentorships(first: 20) {
    edges { node { id health myReview { id author { id } } reviews { id subject { id } } } }
  }
}`;

describe('feedback fields in lists', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system, { maxActiveMentees: 20 });
  });
  afterAll(() => system.close());

  const queriesFor = async (mentorships: number): Promise<number> => {
    for (let i = 0; i < mentorships; i++) {
      const pair = await mentorshipBetween(system, { mentor, complete: true });
      await submitReview(system, pair.mentee.token, pair.mentorshipId, 4);
      await submitReview(system, mentor.token, pair.mentorshipId, 5);
    }
    const counter = countQueries(system.db);
    const res = await system.gql(LIST, {}, mentor.token);
    counter.stop();
    expect(res.errors).toBeUndefined();
    expect(res.data.mentorships.edges).toHaveLength(mentorships);
    return counter.queries.length;
  };

  it('resolves health and reviews of many mentorships in a constant number of queries', async () => {
    const few = await queriesFor(2);
    await system.reset();
    mentor = await publishedMentor(system, { maxActiveMentees: 20 });
    expect(await queriesFor(6)).toBe(few);
  });
});
