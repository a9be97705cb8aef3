import { JobScheduler } from '@app/platform';
import { mentorshipBetween, publishedMentor, submitReview, type TestMentor } from '@app/testing';
import { SEARCH } from '../search/search-fixtures.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const RATING = `query ($id: ID!) { mentor(id: $id) { rating { average count } } }`;

describe('ratings in search', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  /** A mentor whose mentees each left one of these ratings, revealed when the blind window closed. */
  const reviewedMentor = async (ratings: number[]): Promise<TestMentor> => {
    const mentor = await publishedMentor(system);
    for (const rating of ratings) {
      const pair = await mentorshipBetween(system, { mentor, complete: true });
      await submitReview(system, pair.mentee.token, pair.mentorshipId, rating);
    }
    return mentor;
  };
  const ids = async (variables: Record<string, unknown>) =>
    (await system.gql(SEARCH, variables)).data.searchMentors.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );

  it('orders by the Bayesian-smoothed score: one 5-star review does not outrank many at 4.8', async () => {
    const single = await reviewedMentor([5]); // average 5.0, score (4·5 + 5) / 6 = 4.17
    const many = await reviewedMentor([5, 5, 5, 5, 4]); // average 4.8, score (20 + 24) / 10 = 4.40
    const unrated = await reviewedMentor([]); // score 4.00, the prior
    const poor = await reviewedMentor([3, 3]); // average 3.0, score (20 + 6) / 7 = 3.71
    await system.settle();
    // Blind reviews count for nothing until revealed.
    expect((await system.gql(RATING, { id: single.profileId })).data.mentor.rating).toEqual({
      average: null,
      count: 0,
    });

    await system.db.query(`UPDATE reviews SET reveal_due_at = now() - interval '1 second'`);
    await system.api.get(JobScheduler).once('review.reveal_sweep', {}, { delayMs: 0, jobId: `sweep-${Date.now()}` });
    await system.settle();
    expect((await system.gql(RATING, { id: many.profileId })).data.mentor.rating).toEqual({ average: 4.8, count: 5 });

    const smoothed = [many, single, unrated, poor].map((mentor) => mentor.profileId);
    expect(await ids({ sort: 'RATING' })).toEqual(smoothed);
    // The profiles read alike, so relevance ties and the smoothed score breaks them.
    expect(await ids({ query: 'staff engineer' })).toEqual(smoothed);
    expect(await ids({ filter: { minRating: 4.9 } })).toEqual([single.profileId]);

    // Each rating change reached search through the outbox with a newer profile version.
    const [synced] = await system.db.query(
      `SELECT p.version AS profile, d.version AS document FROM mentor_profiles p
         JOIN mentor_search_documents d ON d.id = p.id WHERE p.id = $1`,
      [many.profileId],
    );
    expect(synced.document).toBe(synced.profile);
    expect(synced.profile).toBeGreaterThan(1);
  });
});
