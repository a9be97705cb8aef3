import { MatchingRoundsService } from '@app/domain';
import { migrateDatabase, type Config } from '@app/platform';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Prng } from '../scripts/seed/prng.js';
import { programsContext } from '../scripts/seed/programs-context.js';
import type { BenchIntake } from './matching-intakes.js';

const SLUG = 'bench-matching';

/**
 * runMatchingRound itself, through the domain service on a real database: one program
 * holding the given intakes (rebuilt each time), timed from the first read to the commit
 * of the round and its proposals.
 */
export async function timeMatchingRound(
  config: Config,
  mentors: readonly BenchIntake[],
  mentees: readonly BenchIntake[],
  maxMenteesPerMentor: number,
): Promise<{ ms: number; matched: number; totalScore: number }> {
  await migrateDatabase(config);
  const context = await programsContext(config);
  try {
    const db = context.get(DataSource);
    const ids = new Prng(99);
    const skillIds = new Map<string, string>();
    const skillId = (name: string) => skillIds.get(name) ?? skillIds.set(name, ids.uuid()).get(name)!;
    await db.query(`DELETE FROM users WHERE email LIKE '%@bench-matching.test'`);
    await db.query(`DELETE FROM organizations WHERE slug = $1`, [SLUG]);
    const people = [...mentors.map((m) => ['MENTOR', m] as const), ...mentees.map((m) => ['MENTEE', m] as const)];
    const [admin] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
       VALUES ('admin@bench-matching.test', 'x', 'Bench admin', 'Europe/Berlin') RETURNING id`,
    );
    const [org] = await db.query<Array<{ id: string }>>(
      `INSERT INTO organizations (name, slug) VALUES ('Bench', $1) RETURNING id`,
      [SLUG],
    );
    await db.query(`INSERT INTO organization_admins (organization_id, user_id) VALUES ($1, $2)`, [org.id, admin.id]);
    const [program] = await db.query<Array<{ id: string }>>(
      `INSERT INTO programs (organization_id, name, description, goals, formats, status, starts_on, ends_on,
                             max_mentees_per_mentor, check_in_every_days, invite_code)
       VALUES ($1, 'Bench program', '', '{grow}', '{ONE_ON_ONE}', 'ENROLLING', '2026-01-01', '2026-12-31', $2, 14,
               'BENCHMATCHING') RETURNING id`,
      [org.id, maxMenteesPerMentor],
    );
    const users = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
       SELECT 'person' || n || '@bench-matching.test', 'x', 'Person ' || n, 'Europe/Berlin'
         FROM generate_series(1, $1::int) AS n ORDER BY n RETURNING id`,
      [people.length],
    );
    await db.query(
      `INSERT INTO enrollments (program_id, user_id, role, goals, skill_ids, industry_slugs, communication_style,
                                languages, time_zone, hours_per_month, created_at)
       SELECT $1, u, r, ARRAY(SELECT jsonb_array_elements_text(g)), ARRAY(SELECT jsonb_array_elements_text(s))::uuid[],
              ARRAY(SELECT jsonb_array_elements_text(i)), c, ARRAY(SELECT jsonb_array_elements_text(l)), z, h,
              now() + make_interval(secs => n)
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[], $7::text[], $8::jsonb[], $9::text[],
                     $10::int[]) WITH ORDINALITY AS t(u, r, g, s, i, c, l, z, h, n)`,
      [
        program.id,
        users.map((user) => user.id),
        people.map(([role]) => role),
        people.map(([, p]) => JSON.stringify(p.goals)),
        people.map(([, p]) => JSON.stringify(p.skills.map(skillId))),
        people.map(([, p]) => JSON.stringify(p.industries)),
        people.map(([, p]) => p.communicationStyle),
        people.map(([, p]) => JSON.stringify(p.languages)),
        people.map(([, p]) => p.timeZone),
        people.map(([, p]) => p.hoursPerMonth),
      ],
    );
    await db.query(`ANALYZE enrollments`);
    const started = performance.now();
    const roundId = await context.get(MatchingRoundsService).run(admin.id, program.id);
    const ms = performance.now() - started;
    const [result] = await db.query<Array<{ matched: number; totalScore: number }>>(
      `SELECT count(mentor_enrollment_id)::int AS matched, coalesce(sum(score), 0)::int AS "totalScore"
         FROM match_proposals WHERE round_id = $1`,
      [roundId],
    );
    return { ms, ...result };
  } finally {
    await context.close();
  }
}
