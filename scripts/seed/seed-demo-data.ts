import { TaxonomyService } from '@app/domain';
import { PasswordHasher } from '@app/domain/accounts/password-hasher.js';
import type { DataSource, EntityManager } from 'typeorm';
import { generateGroup, GROUP_HOST_EVERY } from './group-generator.js';
import { generateMentee, type GeneratedMentee } from './mentee-generator.js';
import { generateMentor, type GeneratedMentor, type SeedIndustry } from './mentor-generator.js';
import { INDUSTRY_CONTENT } from './industry-content.js';
import { Prng } from './prng.js';
import { generateReviews, ratingColumns, REVIEWED_MENTORS, type SeedReview } from './review-generator.js';
import type { SeedProgress } from './progress-bar.js';

export interface SeedOptions {
  mentors: number;
  mentees: number;
  seed?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface DemoAccount {
  email: string;
  password: string;
  role: 'mentor' | 'mentee' | 'admin';
  displayName: string;
}

/** Every seeded person signs in with this; printed with the demo accounts. */
export const DEMO_PASSWORD = 'mentorbridge-demo';
const BATCH = 2_000;
const DEMO_ACCOUNTS_PER_ROLE = 3;
// Dates are relative to a fixed day, so a seed gives the same rows whenever it runs.
const ANCHOR = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

/**
 * Loads realistic mentors and mentees in bulk (thousands of rows per statement), with
 * one 'mentor_profile.changed' event per published mentor so the indexer picks them
 * up. The same seed always produces the same people and profiles.
 */
export async function seedDemoData(db: DataSource, options: SeedOptions): Promise<{ demoAccounts: DemoAccount[] }> {
  const seed = options.seed ?? 1;
  const report = options.onProgress ?? (() => undefined);
  const emailOf = (role: 'mentor' | 'mentee', index: number) => seededEmail(seed, role, index);
  const taken = await db.query<unknown[]>(`SELECT 1 FROM users WHERE email IN ($1, $2)`, [
    emailOf('mentor', 0),
    emailOf('mentee', 0),
  ]);
  if (taken.length > 0) throw new Error(`This database already holds the data of seed ${seed}; pick another --seed`);

  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  const industries = await db.query<SeedIndustry[]>(`SELECT slug, name FROM industries ORDER BY position`);
  const missing = industries.filter((industry) => !INDUSTRY_CONTENT[industry.slug]);
  if (missing.length > 0) throw new Error(`seed content lacks industries ${missing.map((i) => i.slug).join(', ')}`);
  const skillIds = await resolveSkillPool(db);
  const prng = new Prng(seed);
  // Groups draw from their own sequence, so adding them changed none of the people a seed makes.
  const groupPrng = new Prng(seed * 7919 + 1);
  // A generator of its own, so adding reviews left every seed's people and profiles as they were.
  const reviewPrng = new Prng(seed + 0x5eed);
  const authorPool = Math.min(options.mentees, REVIEW_AUTHORS);
  const reviewed: ReviewedMentor[] = [];

  for (let start = 0; start < options.mentors; start += BATCH) {
    const count = Math.min(BATCH, options.mentors - start);
    const mentors = Array.from({ length: count }, (_, i) => {
      const mentor = { id: prng.uuid(), userId: prng.uuid(), ...generateMentor(prng, industries, start + i) };
      const reviews =
        start + i < REVIEWED_MENTORS && mentor.status === 'PUBLISHED' ? generateReviews(reviewPrng, authorPool) : [];
      if (reviews.length > 0) reviewed.push({ profileId: mentor.id, userId: mentor.userId, reviews });
      return { ...mentor, reviews };
    });
    await db.transaction(async (manager) => {
      await insertMentors(manager, mentors, start, { emailOf, passwordHash, skillIds });
      await insertGroups(manager, mentors, start, groupPrng, skillIds);
    });
    report({ phase: 'mentors', done: start + count, total: options.mentors });
  }
  const authors: string[] = [];
  for (let start = 0; start < options.mentees; start += BATCH) {
    const count = Math.min(BATCH, options.mentees - start);
    const mentees = Array.from({ length: count }, () => ({
      id: prng.uuid(),
      userId: prng.uuid(),
      ...generateMentee(prng, industries),
    }));
    authors.push(...mentees.slice(0, authorPool - authors.length).map((mentee) => mentee.userId));
    await db.transaction((manager) => insertMentees(manager, mentees, start, { emailOf, passwordHash, skillIds }));
    report({ phase: 'mentees', done: start + count, total: options.mentees });
  }
  await db.transaction((manager) => insertReviews(manager, reviewed, authors, reviewPrng));

  // Every seeded mentor can be booked on weekdays, 09:00-17:00 in their own zone.
  await db.query(
    `INSERT INTO availability_settings (user_id, time_zone, rules, min_notice_hours, buffer_minutes)
     SELECT user_id, time_zone, $1::jsonb, 12, 15 FROM mentor_profiles ON CONFLICT (user_id) DO NOTHING`,
    [JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })))],
  );
  // Fresh statistics, or the planner treats the new rows as if the tables were empty.
  await db.query(
    `ANALYZE users, mentor_profiles, mentee_profiles, skills, availability_settings, reviews, mentorship_groups`,
  );
  return { demoAccounts: await demoAccountsOf(db, options) };
}

/** Mentees whose past mentorships carry the seeded reviews; each reviews a mentor at most once. */
const REVIEW_AUTHORS = 2_000;

interface ReviewedMentor {
  profileId: string;
  userId: string;
  reviews: SeedReview[];
}

interface BatchContext {
  emailOf: (role: 'mentor' | 'mentee', index: number) => string;
  passwordHash: string;
  skillIds: ReadonlyMap<string, string>;
}

/** Folds every skill name the generators use once, through the same path user input takes. */
async function resolveSkillPool(db: DataSource): Promise<Map<string, string>> {
  const names = [...new Set(Object.values(INDUSTRY_CONTENT).flatMap((content) => content.skills))];
  const ids = new Map<string, string>();
  await db.transaction(async (manager) => {
    const taxonomy = new TaxonomyService(db);
    for (const name of names) {
      const [skill] = await taxonomy.resolveSkills(manager, [name]);
      if (skill) ids.set(name, skill.id);
    }
  });
  return ids;
}

function skillIdsOf(names: readonly string[], skillIds: ReadonlyMap<string, string>): string[] {
  return [...new Set(names.map((name) => skillIds.get(name)).filter((id): id is string => id !== undefined))];
}

async function insertUsers(
  manager: EntityManager,
  users: ReadonlyArray<{ id: string; email: string; displayName: string; timeZone: string; createdAt: string }>,
  passwordHash: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO users (id, email, password_hash, display_name, time_zone, created_at, updated_at)
     SELECT id, email, $2, display_name, time_zone, created_at, created_at
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, email text, display_name text, time_zone text, created_at timestamptz)`,
    [
      JSON.stringify(
        users.map((u) => ({
          id: u.id,
          email: u.email,
          display_name: u.displayName,
          time_zone: u.timeZone,
          created_at: u.createdAt,
        })),
      ),
      passwordHash,
    ],
  );
}

async function insertMentors(
  manager: EntityManager,
  mentors: ReadonlyArray<GeneratedMentor & { id: string; userId: string; reviews: SeedReview[] }>,
  offset: number,
  ctx: BatchContext,
): Promise<void> {
  const createdAt = (m: GeneratedMentor) => new Date(ANCHOR - (m.daysAgo + 3) * DAY).toISOString();
  await insertUsers(
    manager,
    mentors.map((m, i) => ({
      id: m.userId,
      email: ctx.emailOf('mentor', offset + i),
      displayName: m.person.displayName,
      timeZone: m.person.timeZone,
      createdAt: createdAt(m),
    })),
    ctx.passwordHash,
  );
  const rows = mentors.map((m) => ({
    id: m.id,
    user_id: m.userId,
    status: m.status,
    headline: m.headline,
    bio: m.bio,
    industry_slugs: m.industrySlugs,
    skill_ids: skillIdsOf(m.skillNames, ctx.skillIds),
    years_of_experience: m.yearsOfExperience,
    languages: m.person.languages,
    time_zone: m.person.timeZone,
    formats: m.formats,
    session_lengths: m.sessionLengths,
    price_cents: m.priceCents,
    price_currency: m.priceCurrency,
    max_active_mentees: m.maxActiveMentees,
    role_title: m.currentRole,
    company: m.company,
    country_code: m.person.country,
    published_at: m.status === 'DRAFT' ? null : new Date(ANCHOR - m.daysAgo * DAY).toISOString(),
    created_at: createdAt(m),
    ...ratingColumns(m.reviews),
  }));
  // One statement: the profiles, and an event for each published one, for the indexer.
  await manager.query(
    `WITH inserted AS (
       INSERT INTO mentor_profiles (id, user_id, status, headline, bio, industry_slugs, skill_ids, years_of_experience,
                                    languages, time_zone, formats, session_lengths, price_cents, price_currency,
                                    max_active_mentees, role_title, company, country_code, published_at, created_at, updated_at,
                                    rating_count, rating_sum, rating_distribution)
       SELECT id, user_id, status, headline, bio, industry_slugs, skill_ids, years_of_experience, languages, time_zone,
              formats, session_lengths, price_cents, price_currency, max_active_mentees, role_title, company,
              country_code, published_at, created_at, created_at, rating_count, rating_sum, rating_distribution
         FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, user_id uuid, status text, headline text, bio text,
              industry_slugs text[], skill_ids uuid[], years_of_experience int, languages text[], time_zone text,
              formats text[], session_lengths int[], price_cents int, price_currency text, max_active_mentees int,
              role_title text, company text, country_code text, published_at timestamptz, created_at timestamptz,
              rating_count int, rating_sum int, rating_distribution int[])
       RETURNING id, version, status)
     INSERT INTO outbox_events (type, payload)
     SELECT 'mentor_profile.changed', jsonb_build_object('profileId', id, 'version', version)
       FROM inserted WHERE status = 'PUBLISHED'`,
    [JSON.stringify(rows)],
  );
}

/**
 * Open groups and circles for every GROUP_HOST_EVERY-th published mentor, each with its
 * creation recorded as a transition. They commit with their hosts, before the indexer reads
 * those hosts, so search shows them under GROUP and CIRCLE.
 */
async function insertGroups(
  manager: EntityManager,
  mentors: ReadonlyArray<GeneratedMentor & { id: string; userId: string }>,
  offset: number,
  prng: Prng,
  skillIds: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = mentors.flatMap((mentor, i) => {
    if (mentor.status !== 'PUBLISHED' || (offset + i) % GROUP_HOST_EVERY !== 0) return [];
    const group = generateGroup(prng, mentor);
    return [
      {
        id: prng.uuid(),
        host_profile_id: mentor.id,
        host_user_id: mentor.userId,
        kind: group.kind,
        title: group.title,
        description: group.description,
        industry_slugs: group.industrySlugs,
        topic_skill_ids: skillIdsOf(group.topicNames, skillIds),
        capacity: group.capacity,
        cadence: group.cadence,
        channel: group.channel,
        starts_on: new Date(ANCHOR + 14 * DAY).toISOString().slice(0, 10),
        ends_on: new Date(ANCHOR + 134 * DAY).toISOString().slice(0, 10),
        session_length_minutes: group.sessionLengthMinutes,
        created_at: new Date(ANCHOR - (mentor.daysAgo % 30) * DAY).toISOString(),
      },
    ];
  });
  if (rows.length === 0) return;
  await manager.query(
    `WITH inserted AS (
       INSERT INTO mentorship_groups (id, host_profile_id, host_user_id, kind, title, description, industry_slugs,
                                      topic_skill_ids, capacity, cadence, channel, starts_on, ends_on,
                                      session_length_minutes, created_at, updated_at)
       SELECT id, host_profile_id, host_user_id, kind, title, description, industry_slugs, topic_skill_ids, capacity,
              cadence, channel, starts_on, ends_on, session_length_minutes, created_at, created_at
         FROM jsonb_to_recordset($1::jsonb) AS g(id uuid, host_profile_id uuid, host_user_id uuid, kind text,
              title text, description text, industry_slugs text[], topic_skill_ids uuid[], capacity int, cadence text,
              channel text, starts_on date, ends_on date, session_length_minutes int, created_at timestamptz)
       RETURNING id, host_user_id, created_at)
     INSERT INTO mentorship_group_transitions (group_id, actor_id, from_status, to_status, at)
     SELECT id, host_user_id, NULL, 'OPEN', created_at FROM inserted`,
    [JSON.stringify(rows)],
  );
}

async function insertMentees(
  manager: EntityManager,
  mentees: ReadonlyArray<GeneratedMentee & { id: string; userId: string }>,
  offset: number,
  ctx: BatchContext,
): Promise<void> {
  await insertUsers(
    manager,
    mentees.map((m, i) => ({
      id: m.userId,
      email: ctx.emailOf('mentee', offset + i),
      displayName: m.person.displayName,
      timeZone: m.person.timeZone,
      createdAt: new Date(ANCHOR - ((offset + i) % 400) * DAY).toISOString(),
    })),
    ctx.passwordHash,
  );
  const rows = mentees.map((m) => ({
    id: m.id,
    user_id: m.userId,
    goals: m.goals,
    industry_slugs: m.industrySlugs,
    skill_ids: skillIdsOf(m.skillNames, ctx.skillIds),
    experience_level: m.experienceLevel,
    languages: m.person.languages,
    bio: m.bio,
  }));
  await manager.query(
    `INSERT INTO mentee_profiles (id, user_id, goals, industry_slugs, skill_ids, experience_level, languages, bio)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, user_id uuid, goals text[], industry_slugs text[],
            skill_ids uuid[], experience_level int, languages text[], bio text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Each seeded review comes the way a real one does: an accepted request, a COMPLETED
 * mentorship, and the mentee's review, revealed. The profiles already carry the matching
 * rating, so their one indexing event is enough.
 */
async function insertReviews(
  manager: EntityManager,
  reviewed: readonly ReviewedMentor[],
  authors: readonly string[],
  prng: Prng,
): Promise<void> {
  const rows = reviewed.flatMap((mentor, m) =>
    mentor.reviews.map((review, r) => {
      const endedAt = new Date(ANCHOR - review.daysAgo * DAY);
      return {
        request_id: prng.uuid(),
        mentorship_id: prng.uuid(),
        review_id: prng.uuid(),
        mentee_id: authors[(m * 37 + r) % authors.length],
        mentor_profile_id: mentor.profileId,
        mentor_user_id: mentor.userId,
        rating: review.rating,
        comment: review.comment,
        started_at: new Date(endedAt.getTime() - 84 * DAY).toISOString(),
        ended_at: endedAt.toISOString(),
      };
    }),
  );
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH));
    const records = `jsonb_to_recordset($1::jsonb) AS x(request_id uuid, mentorship_id uuid, review_id uuid,
      mentee_id uuid, mentor_profile_id uuid, mentor_user_id uuid, rating int, comment text,
      started_at timestamptz, ended_at timestamptz)`;
    await manager.query(
      `INSERT INTO mentorship_requests (id, mentee_id, mentor_profile_id, mentor_user_id, status, motivation, format,
                                        cadence, channel, duration_weeks, expires_at, responded_at, created_at, updated_at)
       SELECT request_id, mentee_id, mentor_profile_id, mentor_user_id, 'ACCEPTED', $2, 'ONE_ON_ONE', 'BIWEEKLY',
              'VIDEO', 12, started_at + interval '14 days', started_at, started_at - interval '2 days', started_at
         FROM ${records}`,
      [batch, SEED_MOTIVATION],
    );
    await manager.query(
      `INSERT INTO mentorships (id, request_id, mentee_id, mentor_profile_id, mentor_user_id, status, format, cadence,
                                channel, started_at, ends_on, ended_at, created_at, updated_at)
       SELECT mentorship_id, request_id, mentee_id, mentor_profile_id, mentor_user_id, 'COMPLETED', 'ONE_ON_ONE',
              'BIWEEKLY', 'VIDEO', started_at, ended_at::date, ended_at, started_at, ended_at
         FROM ${records}`,
      [batch],
    );
    await manager.query(
      `INSERT INTO reviews (id, mentorship_id, author_id, subject_id, subject_profile_id, rating, comment, visibility,
                            reveal_due_at, revealed_at, created_at, updated_at)
       SELECT review_id, mentorship_id, mentee_id, mentor_user_id, mentor_profile_id, rating, comment, 'PUBLISHED',
              ended_at + interval '14 days', ended_at + interval '3 days', ended_at + interval '1 day',
              ended_at + interval '3 days'
         FROM ${records}`,
      [batch],
    );
  }
}

const SEED_MOTIVATION =
  'I read your profile and your experience matches the next step I want to take; I would value your guidance.';

export function seededEmail(seed: number, role: 'mentor' | 'mentee', index: number): string {
  return `${role}-${index + 1}@seed${seed}.mentorbridge.test`;
}

/**
 * The first few published mentors and the first mentees of a seed, to sign in as right
 * away; empty when that seed was never loaded into this database.
 */
export async function demoAccountsOf(db: DataSource, options: SeedOptions): Promise<DemoAccount[]> {
  const seed = options.seed ?? 1;
  const wanted = (role: 'mentor' | 'mentee', total: number) =>
    Array.from({ length: Math.min(total, 50) }, (_, i) => seededEmail(seed, role, i));
  const rows = await db.query<Array<{ email: string; displayName: string; published: boolean | null }>>(
    `SELECT u.email, u.display_name AS "displayName", p.status = 'PUBLISHED' AS published
       FROM users u LEFT JOIN mentor_profiles p ON p.user_id = u.id
      WHERE u.email = ANY($1::text[])`,
    [[...wanted('mentor', options.mentors), ...wanted('mentee', options.mentees)]],
  );
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  const pick = (role: 'mentor' | 'mentee', total: number) =>
    wanted(role, total)
      .flatMap((email) => {
        const row = byEmail.get(email);
        return row && (role === 'mentee' || row.published === true) ? [row] : [];
      })
      .slice(0, DEMO_ACCOUNTS_PER_ROLE)
      .map((row) => ({ email: row.email, password: DEMO_PASSWORD, role, displayName: row.displayName }));
  return [...pick('mentor', options.mentors), ...pick('mentee', options.mentees)];
}
