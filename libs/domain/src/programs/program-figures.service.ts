import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SESSION_OF_MENTORSHIP } from '../scheduling/session.js';
import type { ProgramFigures } from './program-metrics.js';

/** A program older than this shows its latest weeks only, so one read stays bounded. */
const MAX_WEEKS = 520;

/**
 * The figures SQL: one statement over enrolments, mentorships, sessions, check-ins and goals,
 * counted on every read so nothing stored can drift. `pairs` is the program's mentorships;
 * `held`, their COMPLETED sessions by the rule every other reader uses (SESSION_OF_MENTORSHIP);
 * `checked`, the check-ins on those per session. Weeks are ISO weeks in UTC.
 */
const FIGURES_SQL = `
  WITH pairs AS MATERIALIZED (
    SELECT m.id, m.status, m.started_at, m.ended_at, m.group_id, m.mentee_id FROM mentorships m WHERE m.program_id = $1
  ), held AS MATERIALIZED (
    SELECT s.id, date_trunc('week', s.starts_at AT TIME ZONE 'UTC')::date AS week
      FROM pairs m JOIN sessions s ON ${SESSION_OF_MENTORSHIP}
     WHERE s.status = 'COMPLETED'
  ), checked AS MATERIALIZED (
    SELECT c.session_id, count(*) AS n, sum(c.usefulness) AS usefulness
      FROM check_ins c WHERE c.session_id IN (SELECT id FROM held) GROUP BY c.session_id
  ), held_weeks AS (
    SELECT h.week, count(*) AS sessions, coalesce(sum(c.n), 0) AS check_ins
      FROM held h LEFT JOIN checked c ON c.session_id = h.id GROUP BY h.week
  ), last_week AS (
    SELECT p.starts_on, date_trunc('week', least($2::timestamptz AT TIME ZONE 'UTC', p.ends_on::timestamp))::date AS week
      FROM programs p WHERE p.id = $1
  ), weeks AS (
    SELECT w::date AS week
      FROM last_week l,
           generate_series(greatest(date_trunc('week', l.starts_on::timestamp), l.week - ${MAX_WEEKS - 1} * 7),
                           l.week, interval '1 week') AS w
  )
  SELECT
    (SELECT count(*) FILTER (WHERE e.role = 'MENTOR') FROM enrollments e WHERE e.program_id = $1 AND e.withdrawn_at IS NULL)::int
      AS mentors,
    (SELECT count(*) FILTER (WHERE e.role = 'MENTEE') FROM enrollments e WHERE e.program_id = $1 AND e.withdrawn_at IS NULL)::int
      AS mentees,
    (SELECT count(DISTINCT mentee_id) FROM pairs)::int AS "matchedMentees",
    (SELECT count(*) FROM pairs WHERE status = 'ACTIVE')::int AS "activeMentorships",
    (SELECT count(*) FROM held)::int AS "sessionsHeld",
    round((SELECT count(*) FROM held)
          / nullif((SELECT sum(extract(epoch FROM coalesce(ended_at, $2::timestamptz) - started_at)) FROM pairs)
                   / (30 * 86400), 0), 2)::float8 AS "sessionsPerPairPerMonth",
    (SELECT count(c.session_id)::float8 / nullif(count(*), 0) FROM held h LEFT JOIN checked c ON c.session_id = h.id)
      AS "checkInRate",
    (SELECT sum(usefulness)::float8 / nullif(sum(n), 0) FROM checked) AS "averageUsefulness",
    (SELECT sum(g.progress)::float8 / nullif(count(*), 0) FROM goals g WHERE g.mentorship_id IN (SELECT id FROM pairs))
      AS "averageGoalProgress",
    (SELECT count(*) FILTER (WHERE status = 'COMPLETED')::float8 / nullif(count(*) FILTER (WHERE status <> 'ACTIVE'), 0)
       FROM pairs) AS "completionRate",
    (SELECT count(*) FILTER (WHERE NOT (status = 'ENDED' AND ended_at < started_at + interval '30 days'))::float8
            / nullif(count(*), 0)
       FROM pairs WHERE started_at <= $2::timestamptz - interval '30 days') AS "retention30d",
    (SELECT coalesce(json_agg(json_build_object(
              'weekStarting', to_char(w.week, 'YYYY-MM-DD'),
              'sessionsHeld', coalesce(hw.sessions, 0),
              'checkIns', coalesce(hw.check_ins, 0),
              'activeMentorships', (SELECT count(*) FROM pairs m
                                     WHERE m.started_at < (w.week + 7)::timestamp AT TIME ZONE 'UTC'
                                       AND (m.ended_at IS NULL OR m.ended_at >= w.week::timestamp AT TIME ZONE 'UTC')))
            ORDER BY w.week), '[]')
       FROM weeks w LEFT JOIN held_weeks hw ON hw.week = w.week) AS weekly`;

/** A program's figures as of `now`, for whoever has already been let see them. */
@Injectable()
export class ProgramFiguresService {
  constructor(private readonly db: DataSource) {}

  async of(programId: string, now: Date = new Date()): Promise<ProgramFigures> {
    const [figures] = await this.db.query<ProgramFigures[]>(FIGURES_SQL, [programId, now]);
    if (!figures) throw new Error(`figures of program ${programId} returned no row`);
    return figures;
  }
}
