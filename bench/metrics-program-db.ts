import type { DataSource } from 'typeorm';

const SLUG = 'bench-metrics';
const DOMAIN = '@bench-metrics.test';

/**
 * One RUNNING program, six months in, written straight in SQL (generate_series) so a run
 * seeds in seconds: `pairs` mentorships (two mentees per mentor; about 90 % active, the
 * rest completed or ended), `sessions` sessions spread over their pairs' lives (85 % held,
 * the rest cancelled or missed), check-ins on most held sessions, and one to three goals per
 * pair. Rebuilt on every run; returns the program's id.
 */
export async function seedMetricsProgram(db: DataSource, pairs: number, sessions: number): Promise<string> {
  const mentors = Math.ceil(pairs / 2);
  await db.query(`DELETE FROM organizations WHERE slug = $1`, [SLUG]);
  await db.query(`DELETE FROM users WHERE email LIKE '%${DOMAIN}'`);
  const [program] = await db.query<Array<{ id: string }>>(
    `WITH org AS (INSERT INTO organizations (name, slug) VALUES ('Bench metrics', $1) RETURNING id)
     INSERT INTO programs (organization_id, name, description, goals, formats, status, starts_on, ends_on,
                           max_mentees_per_mentor, check_in_every_days, invite_code)
     SELECT org.id, 'Bench metrics program', '', '{grow}', '{ONE_ON_ONE}', 'RUNNING',
            current_date - 182, current_date + 182, 2, 14, 'BENCHMETRICS'
       FROM org RETURNING id`,
    [SLUG],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, time_zone)
     SELECT 'person' || n || '${DOMAIN}', 'x', 'Person ' || n, 'Europe/Berlin' FROM generate_series(1, $1::int) AS n`,
    [mentors + pairs],
  );
  // People 1..mentors mentor; the rest are mentees, mentee i with mentor (i - 1) / 2 + 1.
  await db.query(
    `INSERT INTO enrollments (program_id, user_id, role, goals, skill_ids, communication_style, languages, time_zone,
                              hours_per_month)
     SELECT $1, u.id, CASE WHEN n <= $2 THEN 'MENTOR' ELSE 'MENTEE' END, '{grow}', '{}', 'DIRECT', '{en}',
            'Europe/Berlin', 4
       FROM users u, LATERAL (SELECT substring(u.email FROM '^person(\\d+)@')::int AS n) p
      WHERE u.email LIKE '%${DOMAIN}'`,
    [program.id, mentors],
  );
  await db.query(
    `INSERT INTO mentor_profiles (user_id, status, headline, bio, years_of_experience, time_zone, max_active_mentees)
     SELECT e.user_id, 'UNLISTED', 'Program mentor', '', 5, 'Europe/Berlin', 2
       FROM enrollments e WHERE e.program_id = $1 AND e.role = 'MENTOR'`,
    [program.id],
  );
  await db.query(
    `WITH people AS (
       SELECT e.id AS enrollment_id, e.user_id, e.role, substring(u.email FROM '^person(\\d+)@')::int AS n
         FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.program_id = $1
     ), pairs AS (
       SELECT mentee.*, mentor.enrollment_id AS mentor_enrollment_id, mentor.user_id AS mentor_user_id,
              mp.id AS mentor_profile_id, now() - (mentee.n % 170 + 10) * interval '1 day' AS started_at
         FROM people mentee
         JOIN people mentor ON mentor.role = 'MENTOR' AND mentor.n = (mentee.n - $2 - 1) / 2 + 1
         JOIN mentor_profiles mp ON mp.user_id = mentor.user_id
        WHERE mentee.role = 'MENTEE'
     )
     INSERT INTO mentorships (program_id, mentee_enrollment_id, mentor_enrollment_id, mentee_id, mentor_profile_id,
                              mentor_user_id, status, format, cadence, channel, started_at, ends_on, ended_at)
     SELECT $1, enrollment_id, mentor_enrollment_id, user_id, mentor_profile_id, mentor_user_id,
            CASE WHEN n % 50 = 0 THEN 'ENDED' WHEN n % 50 < 4 THEN 'COMPLETED' ELSE 'ACTIVE' END,
            'ONE_ON_ONE', 'BIWEEKLY', 'VIDEO', started_at, current_date + 182,
            CASE WHEN n % 50 < 4 THEN started_at + (n % 40 + 5) * interval '1 day' END
       FROM pairs`,
    [program.id, mentors],
  );
  // Session k of a pair starts k/(per pair) of the way through the pair's life so far.
  await db.query(
    `WITH numbered AS (
       SELECT m.id, m.mentor_user_id, m.started_at, coalesce(m.ended_at, now()) - m.started_at AS life,
              row_number() OVER (ORDER BY m.id) - 1 AS i, count(*) OVER () AS total
         FROM mentorships m WHERE m.program_id = $1
     )
     INSERT INTO sessions (host_id, mentorship_id, starts_at, ends_at, status)
     SELECT m.mentor_user_id, m.id, m.started_at + m.life * (k + 0.5) / per_pair,
            m.started_at + m.life * (k + 0.5) / per_pair + interval '1 hour',
            CASE WHEN (m.i + k) % 20 = 0 THEN 'CANCELLED' WHEN (m.i + k) % 20 < 3 THEN 'NO_SHOW' ELSE 'COMPLETED' END
       FROM numbered m,
            LATERAL (SELECT $2::int / m.total + (m.i < $2::int % m.total)::int AS per_pair) p,
            generate_series(0, p.per_pair - 1) AS k`,
    [program.id, sessions],
  );
  await db.query(
    `INSERT INTO check_ins (session_id, author_id, usefulness, created_at)
     SELECT s.id, who.id, 1 + (abs(hashtext(s.id::text || who.role)) % 5), s.ends_at + interval '2 hours'
       FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id
      CROSS JOIN LATERAL (VALUES (m.mentee_id, 'mentee', 7), (m.mentor_user_id, 'mentor', 5)) AS who(id, role, share)
      WHERE m.program_id = $1 AND s.status = 'COMPLETED' AND abs(hashtext(s.id::text)) % 10 < who.share`,
    [program.id],
  );
  await db.query(
    `INSERT INTO goals (mentorship_id, position, title, progress)
     SELECT m.id, g, 'Goal ' || g, abs(hashtext(m.id::text || g)) % 101
       FROM mentorships m, generate_series(1, 1 + abs(hashtext(m.id::text)) % 3) AS g
      WHERE m.program_id = $1`,
    [program.id],
  );
  await db.query('ANALYZE');
  return program.id;
}

/** Makes a signed-up user an admin of the bench program's organisation. */
export async function makeAdmin(db: DataSource, programId: string, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO organization_admins (organization_id, user_id)
     SELECT organization_id, $2 FROM programs WHERE id = $1`,
    [programId, userId],
  );
}
