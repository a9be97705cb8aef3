import { seedDemoData } from '../../scripts/seed/seed-demo-data.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('demo seed reviews', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('gives published mentors revealed reviews from completed mentorships, matching their stored rating', async () => {
    await seedDemoData(system.db, { mentors: 60, mentees: 40, seed: 3 });
    const [stats] = await system.db.query(`
      SELECT (SELECT count(*) FROM reviews)::int AS reviews,
             (SELECT count(DISTINCT subject_profile_id) FROM reviews)::int AS reviewed,
             (SELECT count(*) FROM reviews r JOIN mentorships m ON m.id = r.mentorship_id
               WHERE m.status = 'COMPLETED' AND r.visibility = 'PUBLISHED' AND r.author_id = m.mentee_id)::int AS earned,
             (SELECT count(DISTINCT rating) FROM reviews)::int AS ratings,
             (SELECT count(*) FROM mentor_profiles p
               WHERE p.status <> 'PUBLISHED' AND p.rating_count > 0)::int AS unpublished_rated`);
    expect(stats.reviews).toBeGreaterThan(60);
    expect(stats.earned).toBe(stats.reviews);
    expect(stats.reviewed).toBeGreaterThan(20);
    expect(stats.ratings).toBeGreaterThanOrEqual(3);
    expect(stats.unpublished_rated).toBe(0);

    // The stored aggregates are what the worker would compute from the reviews.
    const mismatched = await system.db.query(`
      SELECT p.id FROM mentor_profiles p
        LEFT JOIN (SELECT subject_profile_id AS id, count(*)::int AS n, sum(rating)::int AS total,
                          ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
                                count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
                                count(*) FILTER (WHERE rating = 5)]::int[] AS distribution
                     FROM reviews WHERE visibility = 'PUBLISHED' GROUP BY subject_profile_id) r ON r.id = p.id
       WHERE (p.rating_count, p.rating_sum, p.rating_distribution)
             IS DISTINCT FROM (coalesce(r.n, 0), coalesce(r.total, 0), coalesce(r.distribution, '{0,0,0,0,0}'))`);
    expect(mismatched).toEqual([]);
  });
});
