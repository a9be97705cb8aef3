import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SESSION_OF_MENTORSHIP } from '../scheduling/session.js';
import type { ProgramFigures } from './program-metrics.js';

/** A program older than this shows its latest weeks only, so one read stays bounded. */
const MAX_WEEKS = 520;

/**
 * The figures SQL: one statement over enrolments, mentorships, sessions, check-ins and goals,
 * counted on every read so nothing stored can drift. Weeks are ISO weeks in UTC.
 * - `pairs`: the program's mentorships, read once.
 * - `held_weeks`: their COMPLETED sessions, by the rule every other reader uses
 *   (SESSION_OF_MENTORSHIP), with their check-ins, folded per session and then per week in one
 *   pass; the session totals are sums of these few rows.
 * - A pair is active in a week if it started by the week's end and had not ended before it
 *   began: the pairs started up to that week less those ended before it, as running sums of
 *   per-week counts, so the cost grows with pairs plus weeks, not pairs times weeks.
 */
const FIGURES_SQL = `
  WITH pairs AS MATERIALIZED (
    SELECT m.id, m.status, m.started_at, m.ended_at, m.group_id, m.mentee_id FROM mentorships m WHERE m.program_id = $1
  ), held_weeks AS MATERIALIZED (
    SELECT week, count(*) AS sessions, count(*) FILTER (WHERE check_ins > 0) AS checked,
           sum(check_ins) AS check_ins, sum(usefulness) AS usefulness
      FROM (SELECT date_trunc('week', s.starts_at AT TIME ZONE 'UTC')::date AS week,
                   count(c.session_id) AS check_ins, sum(c.usefulness) AS usefulness
              FROM pairs m
              JOIN sessions s ON ${SESSION_OF_MENTORSHIP}
              LEFT JOIN check_ins c ON c.session_id = s.id
             WHERE s.status = 'COMPLETED'
             GROUP BY m.id, s.id) per_session
     GROUP BY week
  ), pair_weeks AS MATERIALIZED (
    SELECT week, sum(started) AS started, sum(ended) AS ended
      FROM pairs, LATERAL (VALUES (date_trunc('week', started_at AT TIME ZONE 'UTC')::date, 1, 0),
                                  (date_trunc('week', ended_at AT TIME ZONE 'UTC')::date + 7, 0, 1)) AS e(week, started, ended)
     WHERE week IS NOT NULL
     GROUP BY week
  ), weeks AS (
    SELECT w::date AS week
      FROM (SELECT p.starts_on, date_trunc('week', least($2::timestamptz AT TIME ZONE 'UTC', p.ends_on::timestamp))::date AS last
              FROM programs p WHERE p.id = $1) l,
           generate_series(greatest(date_trunc('week', l.starts_on::timestamp), l.last - ${MAX_WEEKS - 1} * 7), l.last,
                           interval '1 week') AS w
  ), people AS (
    SELECT count(*) FILTER (WHERE e.role = 'MENTOR') AS mentors, count(*) FILTER (WHERE e.role = 'MENTEE') AS mentees
      FROM enrollments e WHERE e.program_id = $1 AND e.withdrawn_at IS NULL
  ), pair_totals AS (
    SELECT count(DISTINCT mentee_id) AS matched, count(*) FILTER (WHERE status = 'ACTIVE') AS active,
           sum(extract(epoch FROM coalesce(ended_at, $2::timestamptz) - started_at)) / (30 * 86400) AS months,
           count(*) FILTER (WHERE status = 'COMPLETED') AS completed, count(*) FILTER (WHERE status <> 'ACTIVE') AS over,
           count(*) FILTER (WHERE started_at <= $2::timestamptz - interval '30 days') AS judged,
           count(*) FILTER (WHERE started_at <= $2::timestamptz - interval '30 days'
                              AND NOT (status = 'ENDED' AND ended_at < started_at + interval '30 days')) AS retained
      FROM pairs
  ), session_totals AS (
    SELECT coalesce(sum(sessions), 0) AS held, sum(checked) AS checked, sum(check_ins) AS check_ins,
           sum(usefulness) AS usefulness
      FROM held_weeks
  )
  SELECT people.mentors::int, people.mentees::int, pt.matched::int AS "matchedMentees",
         pt.active::int AS "activeMentorships", st.held::int AS "sessionsHeld",
         round(st.held / nullif(pt.months, 0), 2)::float8 AS "sessionsPerPairPerMonth",
         st.checked::float8 / nullif(st.held, 0) AS "checkInRate",
         st.usefulness::float8 / nullif(st.check_ins, 0) AS "averageUsefulness",
         (SELECT sum(g.progress)::float8 / nullif(count(*), 0) FROM goals g WHERE g.mentorship_id IN (SELECT id FROM pairs))
           AS "averageGoalProgress",
         pt.completed::float8 / nullif(pt.over, 0) AS "completionRate",
         pt.retained::float8 / nullif(pt.judged, 0) AS "retention30d",
         (SELECT coalesce(json_agg(json_build_object(
                   'weekStarting', to_char(w.week, 'YYYY-MM-DD'),
                   'sessionsHeld', coalesce(hw.sessions, 0),
                   'checkIns', coalesce(hw.check_ins, 0),
                   'activeMentorships', (SELECT coalesce(sum(started - ended), 0) FROM pair_weeks pw WHERE pw.week <= w.week))
                 ORDER BY w.week), '[]')
            FROM weeks w LEFT JOIN held_weeks hw ON hw.week = w.week) AS weekly
    FROM people, pair_totals pt, session_totals st`;

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
