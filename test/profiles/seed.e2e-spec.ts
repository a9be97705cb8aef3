import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { seedDemoData } from '../../scripts/seed/seed-demo-data.js';

const FINGERPRINT = `
  SELECT u.email, u.display_name, u.time_zone, p.status, p.headline, p.bio, p.industry_slugs, p.languages,
         p.formats, p.session_lengths, p.price_cents, p.price_currency, p.country_code,
         (SELECT array_agg(s.slug ORDER BY s.slug) FROM skills s WHERE s.id = ANY(p.skill_ids)) AS skills
    FROM users u JOIN mentor_profiles p ON p.user_id = u.id
   ORDER BY u.email`;

describe('demo data seed', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('gives the same data for the same seed and different data for another', async () => {
    await seedDemoData(system.db, { mentors: 40, mentees: 10, seed: 5 });
    const first = await system.db.query(FINGERPRINT);
    await system.reset();
    await seedDemoData(system.db, { mentors: 40, mentees: 10, seed: 5 });
    expect(await system.db.query(FINGERPRINT)).toEqual(first);
    await system.reset();
    await seedDemoData(system.db, { mentors: 40, mentees: 10, seed: 6 });
    const other = await system.db.query(FINGERPRINT);
    expect(other.map((row: { headline: string }) => row.headline)).not.toEqual(
      first.map((row: { headline: string }) => row.headline),
    );
  });

  it('covers every industry, announces published mentors and prints accounts that can sign in', async () => {
    const progress: number[] = [];
    const { demoAccounts } = await seedDemoData(system.db, {
      mentors: 136,
      mentees: 20,
      seed: 9,
      onProgress: ({ done }) => progress.push(done),
    });
    const [stats] = await system.db.query(`
      SELECT (SELECT count(*) FROM mentor_profiles)::int AS mentors,
             (SELECT count(*) FROM mentee_profiles)::int AS mentees,
             (SELECT count(*) FROM mentor_profiles WHERE status = 'PUBLISHED')::int AS published,
             (SELECT count(*) FROM mentor_profiles WHERE price_cents IS NULL)::int AS free,
             (SELECT count(DISTINCT price_currency) FROM mentor_profiles)::int AS currencies,
             (SELECT count(DISTINCT time_zone) FROM mentor_profiles)::int AS zones,
             (SELECT count(*) FROM outbox_events WHERE type = 'mentor_profile.changed')::int AS events,
             (SELECT count(*) FROM mentorship_groups WHERE status = 'OPEN' AND kind = 'GROUP')::int AS groups,
             (SELECT count(*) FROM mentorship_groups WHERE status = 'OPEN' AND kind = 'CIRCLE')::int AS circles,
             (SELECT count(*) FROM mentorship_group_transitions WHERE to_status = 'OPEN')::int AS opened,
             (SELECT count(*) FROM availability_settings)::int AS bookable,
             (SELECT count(*) FROM industries i
               WHERE NOT EXISTS (SELECT 1 FROM mentor_profiles p WHERE i.slug = ANY(p.industry_slugs)))::int AS empty`);
    expect(stats).toMatchObject({ mentors: 136, mentees: 20, empty: 0, bookable: 136 });
    expect(stats.published).toBeGreaterThan(136 * 0.65);
    expect(stats.published).toBeLessThan(136 * 0.95);
    expect(stats.events).toBe(stats.published);
    // Some published mentors host open groups and circles, each with its creation on record.
    expect(stats.groups).toBeGreaterThan(0);
    expect(stats.circles).toBeGreaterThan(0);
    expect(stats.opened).toBe(stats.groups + stats.circles);
    expect(stats.free).toBeGreaterThan(0);
    expect(stats.currencies).toBeGreaterThan(3);
    expect(stats.zones).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(20);

    expect(demoAccounts.map((a) => a.role)).toEqual(['mentor', 'mentor', 'mentor', 'mentee', 'mentee', 'mentee']);
    const account = demoAccounts[0];
    const signIn = await system.gql(
      `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { mentorProfile { status } } } }`,
      { email: account.email, password: account.password },
    );
    expect(signIn.data.signIn.user.mentorProfile.status).toBe('PUBLISHED');

    // Seeded mentors have weekday hours in their own zone, so their slots show on npm start.
    const [mentor] = await system.db.query(
      `SELECT p.id, p.session_lengths[1] AS minutes FROM mentor_profiles p JOIN users u ON u.id = p.user_id
        WHERE u.email = $1`,
      [account.email],
    );
    const token = (
      await system.gql(
        `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }`,
        { email: account.email, password: account.password },
      )
    ).data.signIn.accessToken;
    const slots = await system.gql(
      `query ($id: ID!, $from: DateTime!, $to: DateTime!, $minutes: Int!) {
        availableSlots(mentorId: $id, from: $from, to: $to, durationMinutes: $minutes) { startsAt }
      }`,
      {
        id: mentor.id,
        minutes: mentor.minutes,
        from: new Date().toISOString(),
        to: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
      token,
    );
    expect(slots.data.availableSlots.length).toBeGreaterThan(0);
  });
});
