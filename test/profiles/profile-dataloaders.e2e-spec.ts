import { countQueries } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { mentorInput, PUBLISH_MENTOR, signUp, UPSERT_MENTOR } from './profile-fixtures.js';

describe('profile relations', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('resolve profiles, users, industries, counts and skills in a constant number of queries', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { token } = await signUp(system, `Mentor ${i}`);
      const skills = [`Loader skill ${i}`, 'TypeScript', 'k8s'];
      const res = await system.gql(UPSERT_MENTOR, { input: mentorInput({ skills }) }, token);
      ids.push(res.data.upsertMentorProfile.id);
      await system.gql(PUBLISH_MENTOR, {}, token);
    }
    const queryFor = (count: number) =>
      `{ ${ids
        .slice(0, count)
        .map(
          (id, i) =>
            `m${i}: mentor(id: "${id}") { user { displayName } industries { name mentorCount } skills { name } rating { count } }`,
        )
        .join(' ')} }`;

    const measure = async (count: number) => {
      const counter = countQueries(system.db);
      const res = await system.gql(queryFor(count));
      counter.stop();
      expect(res.errors).toBeUndefined();
      expect(res.data.m0.skills).toHaveLength(3);
      return counter.queries.length;
    };
    const one = await measure(1);
    const five = await measure(5);
    expect(five).toBe(one);
  });
});
