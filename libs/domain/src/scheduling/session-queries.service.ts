import { Inject, Injectable } from '@nestjs/common';
import {
  assertId,
  CONFIG,
  DomainError,
  findTransition,
  isUuid,
  keysetPage,
  type Config,
  type Page,
  type PageArgs,
} from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Mentorship } from '../mentorships/mentorship.js';
import { SessionStatus, sessionTransitions } from './session-lifecycle.js';
import {
  meetingUrlFor,
  SESSION_COLUMNS,
  SESSION_OF_MENTORSHIP,
  type MentoringSession,
  type MentoringSessionRow,
  type SessionTransition,
} from './session.js';

export interface SessionFilter {
  from?: Date | null;
  to?: Date | null;
  status?: readonly SessionStatus[] | null;
}

/** Reads of sessions: for a participant, for loaders, and for the worker. */
@Injectable()
export class SessionQueriesService {
  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Participants only; anyone else learns nothing, not even that it exists. */
  async findForParticipant(userId: string, id: string): Promise<MentoringSession> {
    assertId(id, 'Session');
    const rows = await this.db.query<MentoringSessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s
        WHERE s.id = $1 AND EXISTS (SELECT 1 FROM session_participants p WHERE p.session_id = s.id AND p.user_id = $2)`,
      [id, userId],
    );
    const session = rows[0];
    if (!session) throw DomainError.notFound('Session');
    return this.view(session);
  }

  /** The caller's sessions in calendar order, cancelled ones included unless filtered out. */
  list(userId: string, filter: SessionFilter, args: PageArgs): Promise<Page<MentoringSession>> {
    const valid = Object.values(SessionStatus);
    const statuses = filter.status?.length ? filter.status.filter((s) => valid.includes(s)) : valid;
    return this.page(
      `EXISTS (SELECT 1 FROM session_participants p WHERE p.session_id = s.id AND p.user_id = $1)
        AND s.status = ANY($2::text[]) AND ($3::timestamptz IS NULL OR s.ends_at > $3)
        AND ($4::timestamptz IS NULL OR s.starts_at < $4)`,
      [userId, statuses, filter.from ?? null, filter.to ?? null],
      args,
    );
  }

  /**
   * The sessions of one mentorship, in calendar order: a group member's are the group sessions
   * they attend. The caller already proved to be a participant. The first condition only lets
   * the planner reach the sessions through their mentorship or group index.
   */
  listForMentorship(mentorship: Pick<Mentorship, 'id' | 'groupId'>, args: PageArgs): Promise<Page<MentoringSession>> {
    return this.page(
      `(s.mentorship_id = $1 OR s.group_id = $2)
        AND EXISTS (SELECT 1 FROM mentorships m WHERE m.id = $1 AND ${SESSION_OF_MENTORSHIP})`,
      [mentorship.id, mentorship.groupId],
      args,
    );
  }

  /** The sessions of one group, in calendar order; the caller already checked the viewer is its host or a member. */
  listForGroup(groupId: string, args: PageArgs): Promise<Page<MentoringSession>> {
    return this.page(`s.group_id = $1`, [groupId], args);
  }

  /** For DataLoaders: each mentorship's next SCHEDULED session not yet over, in the order asked. */
  async nextForMentorships(mentorshipIds: readonly string[]): Promise<Array<MentoringSession | null>> {
    const rows = await this.db.query<Array<MentoringSessionRow & { forMentorship: string }>>(
      `SELECT m.id AS "forMentorship", s.* FROM mentorships m
        CROSS JOIN LATERAL (SELECT ${SESSION_COLUMNS} FROM sessions s
                             WHERE ${SESSION_OF_MENTORSHIP} AND s.status = 'SCHEDULED' AND s.ends_at > now()
                             ORDER BY s.starts_at, s.id LIMIT 1) s
        WHERE m.id = ANY($1::uuid[])`,
      [mentorshipIds.filter(isUuid)],
    );
    const byMentorship = new Map(rows.map(({ forMentorship, ...row }) => [forMentorship, this.view(row)]));
    return mentorshipIds.map((id) => byMentorship.get(id) ?? null);
  }

  /** True when the mentorship has held at least one session (a group member: attended one); reads through the caller's transaction. */
  async hasCompleted(mentorshipId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM mentorships m JOIN sessions s ON ${SESSION_OF_MENTORSHIP}
        WHERE m.id = $1 AND s.status = 'COMPLETED' LIMIT 1`,
      [mentorshipId],
    );
    return rows.length > 0;
  }

  /** For health: each mentorship's held sessions (a group member's: the group's they attended), latest first, in the order asked. */
  async heldByMentorship(mentorshipIds: readonly string[]): Promise<Array<Array<{ id: string; endsAt: Date }>>> {
    const rows = await this.db.query<Array<{ id: string; mentorshipId: string; endsAt: Date }>>(
      `SELECT s.id, m.id AS "mentorshipId", s.ends_at AS "endsAt" FROM mentorships m JOIN sessions s ON ${SESSION_OF_MENTORSHIP}
        WHERE m.id = ANY($1::uuid[]) AND s.status = 'COMPLETED' ORDER BY s.ends_at DESC`,
      [mentorshipIds.filter(isUuid)],
    );
    return mentorshipIds.map((id) => rows.filter((row) => row.mentorshipId === id));
  }

  async findById(id: string): Promise<MentoringSession | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<MentoringSessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /** What a calendar feed holds: the person's sessions that ended at most `sinceDays` ago, or later. */
  async forCalendar(userId: string, sinceDays: number): Promise<MentoringSession[]> {
    const rows = await this.db.query<MentoringSessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN session_participants p ON p.session_id = s.id
        WHERE p.user_id = $1 AND s.ends_at > now() - make_interval(days => $2)
        ORDER BY s.starts_at, s.id`,
      [userId, sinceDays],
    );
    return rows.map((row) => this.view(row));
  }

  findTransition(id: string): Promise<SessionTransition | null> {
    return findTransition<SessionStatus>(this.db.manager, sessionTransitions, id);
  }

  private async page(where: string, params: unknown[], args: PageArgs): Promise<Page<MentoringSession>> {
    const page = await keysetPage<MentoringSessionRow>(this.db, {
      columns: SESSION_COLUMNS,
      from: 'sessions s',
      where,
      params,
      sortColumn: 's.starts_at',
      idColumn: 's.id',
      args,
      ascending: true,
    });
    return { ...page, items: page.items.map(({ cursor, node }) => ({ cursor, node: this.view(node) })) };
  }

  /** A row read or written by this context, as every reader sees it. */
  view(row: MentoringSessionRow): MentoringSession {
    return { ...row, meetingUrl: meetingUrlFor(this.config.MEETING_URL_TEMPLATE, row.id) };
  }
}
