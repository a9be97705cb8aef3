import { Injectable } from '@nestjs/common';
import { assertId, DomainError, findTransition, isUuid, keysetPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import { GOAL_COLUMNS, type Goal } from './goal.js';
import { MENTORSHIP_COLUMNS, type Mentorship, type MentorshipTransition } from './mentorship.js';
import { MentorshipStatus, mentorshipTransitions } from './mentorship-lifecycle.js';

/** Reads of mentorships, always on behalf of a participant unless batched for a loader. */
@Injectable()
export class MentorshipQueriesService {
  constructor(private readonly db: DataSource) {}

  findForParticipant(userId: string, id: string): Promise<Mentorship> {
    return this.participantRead<Mentorship>(MENTORSHIP_COLUMNS, '', userId, id);
  }

  /** As findForParticipant, with the session lengths the mentor offers today, in the same read (for booking). */
  findWithSessionLengths(userId: string, id: string): Promise<Mentorship & { sessionLengths: number[] }> {
    return this.participantRead(
      `${MENTORSHIP_COLUMNS}, coalesce(p.session_lengths, '{}') AS "sessionLengths"`,
      'LEFT JOIN mentor_profiles p ON p.id = m.mentor_profile_id',
      userId,
      id,
    );
  }

  private async participantRead<T>(columns: string, join: string, userId: string, id: string): Promise<T> {
    assertId(id, 'Mentorship');
    const rows = await this.db.query<T[]>(
      `SELECT ${columns} FROM mentorships m ${join} WHERE m.id = $1 AND (m.mentee_id = $2 OR m.mentor_user_id = $2)`,
      [id, userId],
    );
    const mentorship = rows[0];
    if (!mentorship) throw DomainError.notFound('Mentorship');
    return mentorship;
  }

  /** The caller's mentorships as mentor or mentee, newest first. */
  list(userId: string, statuses: readonly MentorshipStatus[] | null, args: PageArgs): Promise<Page<Mentorship>> {
    const valid = Object.values(MentorshipStatus);
    const wanted = statuses && statuses.length > 0 ? statuses.filter((s) => valid.includes(s)) : valid;
    return keysetPage<Mentorship>(this.db, {
      columns: MENTORSHIP_COLUMNS,
      from: 'mentorships m',
      where: `(m.mentee_id = $1 OR m.mentor_user_id = $1) AND m.status = ANY($2::text[])`,
      params: [userId, wanted],
      sortColumn: 'm.started_at',
      idColumn: 'm.id',
      args,
    });
  }

  /** For DataLoaders, in the order asked, null where missing. */
  async findByRequestIds(requestIds: readonly string[]): Promise<Array<Mentorship | null>> {
    const rows = await this.db.query<Mentorship[]>(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.request_id = ANY($1::uuid[])`,
      [requestIds.filter(isUuid)],
    );
    const byRequest = new Map(rows.map((row) => [row.requestId, row]));
    return requestIds.map((id) => byRequest.get(id) ?? null);
  }

  /** True when the user is the mentee of an ACTIVE mentorship with this mentor profile. */
  async isActiveMentee(menteeId: string, mentorProfileId: string): Promise<boolean> {
    if (!isUuid(menteeId) || !isUuid(mentorProfileId)) return false;
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM mentorships WHERE mentee_id = $1 AND mentor_profile_id = $2 AND status = 'ACTIVE'`,
      [menteeId, mentorProfileId],
    );
    return rows.length > 0;
  }

  /**
   * Every ACTIVE mentorship that agreed a regular cadence (not AD_HOC). A program's mentorships
   * keep their program's check-in rhythm instead (ProgramRhythmService), so nobody is nudged twice.
   */
  activeWithCadence(): Promise<Mentorship[]> {
    return this.db.query<Mentorship[]>(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m
        WHERE m.status = 'ACTIVE' AND m.cadence <> 'AD_HOC' AND m.program_id IS NULL`,
    );
  }

  /** For DataLoaders, in the order asked, null where missing. */
  async findByIds(ids: readonly string[]): Promise<Array<Mentorship | null>> {
    const rows = await this.db.query<Mentorship[]>(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: each mentorship's goals in their order, in the order asked. */
  async goalsByMentorshipIds(mentorshipIds: readonly string[]): Promise<Goal[][]> {
    const rows = await this.db.query<Goal[]>(
      `SELECT ${GOAL_COLUMNS} FROM goals g WHERE g.mentorship_id = ANY($1::uuid[]) ORDER BY g.mentorship_id, g.position`,
      [mentorshipIds.filter(isUuid)],
    );
    return mentorshipIds.map((id) => rows.filter((goal) => goal.mentorshipId === id));
  }

  /** Ids of every ACTIVE mentorship, for sweeps. */
  async activeIds(): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(`SELECT id FROM mentorships WHERE status = 'ACTIVE'`);
    return rows.map((row) => row.id);
  }

  /** For health: when each mentorship's goals last moved (null if never) and whether all are done, in the order asked. */
  async goalMovement(
    mentorshipIds: readonly string[],
  ): Promise<Array<{ lastProgressAt: Date | null; allDone: boolean }>> {
    const rows = await this.db.query<Array<{ id: string; lastProgressAt: Date | null; allDone: boolean }>>(
      `SELECT g.mentorship_id AS id, max(u.at) AS "lastProgressAt", bool_and(g.progress = 100) AS "allDone"
         FROM goals g LEFT JOIN goal_progress_updates u ON u.goal_id = g.id
        WHERE g.mentorship_id = ANY($1::uuid[]) GROUP BY g.mentorship_id`,
      [mentorshipIds.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return mentorshipIds.map((id) => byId.get(id) ?? { lastProgressAt: null, allDone: false });
  }

  async findById(id: string): Promise<Mentorship | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<Mentorship[]>(`SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  findTransition(id: string): Promise<MentorshipTransition | null> {
    return findTransition<MentorshipStatus>(this.db.manager, mentorshipTransitions, id);
  }
}
