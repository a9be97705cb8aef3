import type { DataSource, EntityManager } from 'typeorm';
import { planProgramHistory, type HistoryPair, type ProgramHistory } from './program-history-plan.js';
import type { Prng } from './prng.js';

/** When the demo program's milestones happened. */
export interface ProgramTimeline {
  enrolmentOpened: Date;
  roundPublished: Date;
  /** Sessions end and history is written up to here. */
  until: Date;
  checkInEveryDays: number;
}

/**
 * Gives a program whose round was just published the past it would have had: its rows are
 * moved back to when enrolment opened and the round was published, then sessions,
 * check-ins, goal progress and the odd early ending are written, in one transaction, with
 * the transitions a live run records. No outbox events: this is history, and nobody should be
 * told of it now.
 */
export async function writeProgramHistory(
  db: DataSource,
  programId: string,
  timeline: ProgramTimeline,
  prng: Prng,
): Promise<ProgramHistory> {
  return db.transaction(async (manager) => {
    await backdate(manager, programId, timeline);
    const pairs = await historyPairs(manager, programId);
    const history = planProgramHistory(prng, pairs, {
      startedAt: timeline.roundPublished,
      until: timeline.until,
      everyDays: timeline.checkInEveryDays,
    });
    await insertSessions(manager, history);
    await insertCheckIns(manager, history);
    await finishMentorships(manager, history);
    return history;
  });
}

async function backdate(manager: EntityManager, programId: string, at: ProgramTimeline): Promise<void> {
  const opened = at.enrolmentOpened;
  const published = at.roundPublished;
  await manager.query(
    `UPDATE organizations o SET created_at = $2::timestamptz - interval '1 day'
       FROM programs p WHERE p.id = $1 AND o.id = p.organization_id`,
    [programId, opened],
  );
  await manager.query(
    `UPDATE organization_admins a SET created_at = $2::timestamptz - interval '1 day'
       FROM programs p WHERE p.id = $1 AND a.organization_id = p.organization_id`,
    [programId, opened],
  );
  await manager.query(
    `UPDATE programs SET created_at = $2::timestamptz - interval '1 day', updated_at = $3 WHERE id = $1`,
    [programId, opened, published],
  );
  await manager.query(
    `UPDATE program_transitions SET at = CASE to_status WHEN 'ENROLLING' THEN $2::timestamptz ELSE $3::timestamptz END WHERE program_id = $1`,
    [programId, opened, published],
  );
  // People enrolled over the weeks before the round, in the order they did.
  await manager.query(
    `UPDATE enrollments e SET created_at = $2::timestamptz + (o.rank * ($3::timestamptz - $2::timestamptz - interval '2 days')) / o.total
       FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rank, count(*) OVER () AS total
               FROM enrollments WHERE program_id = $1) o
      WHERE e.id = o.id`,
    [programId, opened, published],
  );
  await manager.query(
    `UPDATE matching_rounds SET created_at = $2::timestamptz - interval '1 day', published_at = $2 WHERE program_id = $1`,
    [programId, published],
  );
  await manager.query(
    `UPDATE mentorships SET started_at = $2, created_at = $2, updated_at = $2 WHERE program_id = $1`,
    [programId, published],
  );
  await manager.query(
    `UPDATE mentorship_transitions t SET at = $2 FROM mentorships m WHERE m.program_id = $1 AND t.mentorship_id = m.id`,
    [programId, published],
  );
  await manager.query(
    `UPDATE goals g SET updated_at = $2 FROM mentorships m WHERE m.program_id = $1 AND g.mentorship_id = m.id`,
    [programId, published],
  );
}

/** The program's pairs in a fixed order (by mentee email), each mentor's mentees numbered the same way. */
function historyPairs(manager: EntityManager, programId: string): Promise<HistoryPair[]> {
  return manager.query<HistoryPair[]>(
    `SELECT m.id AS "mentorshipId", m.mentee_id AS "menteeId", m.mentor_user_id AS "mentorId",
            mentor.time_zone AS "mentorZone",
            (row_number() OVER (PARTITION BY m.mentor_user_id ORDER BY mentee.email) - 1)::int AS slot,
            ARRAY(SELECT g.id FROM goals g WHERE g.mentorship_id = m.id ORDER BY g.position) AS "goalIds"
       FROM mentorships m
       JOIN users mentee ON mentee.id = m.mentee_id
       JOIN users mentor ON mentor.id = m.mentor_user_id
      WHERE m.program_id = $1
      ORDER BY mentee.email`,
    [programId],
  );
}

/** Sessions with both participants (the host first) and their booked and final transitions. */
async function insertSessions(manager: EntityManager, history: ProgramHistory): Promise<void> {
  const sessions = JSON.stringify(history.sessions);
  const records = `jsonb_to_recordset($1::jsonb) AS s(id uuid, "mentorshipId" uuid, "hostId" uuid, "menteeId" uuid,
    "startsAt" timestamptz, "endsAt" timestamptz, status text, agenda text, "bookedAt" timestamptz,
    "finishedBy" uuid, "finishedAt" timestamptz, reason text, "lateCancellation" boolean, "absentId" uuid)`;
  await manager.query(
    `INSERT INTO sessions (id, host_id, mentorship_id, starts_at, ends_at, status, version, agenda, cancelled_by,
                           cancel_reason, cancelled_at, late_cancellation, created_at, updated_at)
     SELECT id, "hostId", "mentorshipId", "startsAt", "endsAt", status, 2, agenda,
            CASE WHEN status = 'CANCELLED' THEN "finishedBy" END, CASE WHEN status = 'CANCELLED' THEN reason END,
            CASE WHEN status = 'CANCELLED' THEN "finishedAt" END, "lateCancellation", "bookedAt", "finishedAt"
       FROM ${records}`,
    [sessions],
  );
  await manager.query(
    `INSERT INTO session_participants (session_id, user_id, position, during, active, no_show_reported_by)
     SELECT s.id, p.user_id, p.position, tstzrange(s."startsAt", s."endsAt"), s.status <> 'CANCELLED',
            CASE WHEN p.user_id = s."absentId" THEN s."finishedBy" END
       FROM ${records} CROSS JOIN LATERAL (VALUES (s."hostId", 0), (s."menteeId", 1)) AS p(user_id, position)`,
    [sessions],
  );
  await manager.query(
    `INSERT INTO session_transitions (session_id, actor_id, from_status, to_status, reason, at)
     SELECT id, "menteeId", NULL, 'SCHEDULED', NULL, "bookedAt" FROM ${records}
     UNION ALL
     SELECT id, "finishedBy", 'SCHEDULED', status, CASE WHEN status = 'COMPLETED' THEN NULL ELSE reason END,
            "finishedAt"
       FROM ${records}`,
    [sessions],
  );
}

/** Check-ins, and the mentee's goal progress each carried, as the goals' history and their current value. */
async function insertCheckIns(manager: EntityManager, history: ProgramHistory): Promise<void> {
  await manager.query(
    `INSERT INTO check_ins (id, session_id, author_id, usefulness, note, next_steps, created_at)
     SELECT id, "sessionId", "authorId", usefulness, note, "nextSteps", "createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, "sessionId" uuid, "authorId" uuid, usefulness int, note text,
            "nextSteps" text, "createdAt" timestamptz)`,
    [JSON.stringify(history.checkIns)],
  );
  const updates = `jsonb_to_recordset($1::jsonb) AS u("goalId" uuid, "authorId" uuid, progress int, at timestamptz)`;
  const rows = JSON.stringify(history.goalUpdates);
  await manager.query(
    `INSERT INTO goal_progress_updates (goal_id, author_id, progress, note, at)
     SELECT "goalId", "authorId", progress, 'from a check-in', at FROM ${updates} ORDER BY at`,
    [rows],
  );
  await manager.query(
    `UPDATE goals g SET progress = last.progress, updated_at = last.at
       FROM (SELECT DISTINCT ON ("goalId") "goalId", progress, at FROM ${updates} ORDER BY "goalId", at DESC) last
      WHERE g.id = last."goalId"`,
    [rows],
  );
}

/** Pairs that stopped early (ENDED) or reached their goals (COMPLETED), each with its transition. */
async function finishMentorships(manager: EntityManager, history: ProgramHistory): Promise<void> {
  const finishes = JSON.stringify(history.finishes);
  const records = `jsonb_to_recordset($1::jsonb) AS f("mentorshipId" uuid, status text, "actorId" uuid, reason text,
    at timestamptz)`;
  await manager.query(
    `UPDATE mentorships m SET status = f.status, ended_at = f.at, end_reason = f.reason, updated_at = f.at
       FROM ${records} WHERE m.id = f."mentorshipId"`,
    [finishes],
  );
  await manager.query(
    `INSERT INTO mentorship_transitions (mentorship_id, actor_id, from_status, to_status, reason, at)
     SELECT "mentorshipId", "actorId", 'ACTIVE', status, reason, at FROM ${records}`,
    [finishes],
  );
}
