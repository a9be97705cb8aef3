import { Injectable } from '@nestjs/common';
import { assertId, DomainError, findTransition, isUuid, keysetPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import { GOAL_COLUMNS, type Goal } from '../mentorships/goal.js';
import {
  REQUEST_COLUMNS,
  type MentorshipRequest,
  type RequestTransition,
  type ResponseStats,
} from './mentorship-request.js';
import { requestTransitions } from './request-lifecycle.js';
import { RequestRole, RequestStatus } from './request-terms.js';

/** Reads of mentorship requests: only their mentee and mentor ever see one. */
@Injectable()
export class RequestQueriesService {
  constructor(private readonly db: DataSource) {}

  async findForParticipant(userId: string, id: string): Promise<MentorshipRequest> {
    assertId(id, 'Mentorship request');
    const rows = await this.db.query<MentorshipRequest[]>(
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r
        WHERE r.id = $1 AND (r.mentee_id = $2 OR r.mentor_user_id = $2)`,
      [id, userId],
    );
    const request = rows[0];
    if (!request) throw DomainError.notFound('Mentorship request');
    return request;
  }

  list(
    userId: string,
    role: RequestRole,
    statuses: readonly RequestStatus[] | null,
    args: PageArgs,
  ): Promise<Page<MentorshipRequest>> {
    const valid = Object.values(RequestStatus);
    const wanted = statuses && statuses.length > 0 ? statuses.filter((s) => valid.includes(s)) : valid;
    const party = role === RequestRole.SENT ? 'r.mentee_id' : 'r.mentor_user_id';
    return keysetPage<MentorshipRequest>(this.db, {
      columns: REQUEST_COLUMNS,
      from: 'mentorship_requests r',
      where: `${party} = $1 AND r.status = ANY($2::text[])`,
      params: [userId, wanted],
      sortColumn: 'r.created_at',
      idColumn: 'r.id',
      args,
    });
  }

  /** For DataLoaders and consumers, in the order asked, null where missing. */
  async findByIds(ids: readonly string[]): Promise<Array<MentorshipRequest | null>> {
    const rows = await this.db.query<MentorshipRequest[]>(
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r WHERE r.id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: each request's goals in the order the mentee wrote them. */
  async goalsByRequestIds(requestIds: readonly string[]): Promise<Goal[][]> {
    const rows = await this.db.query<Goal[]>(
      `SELECT ${GOAL_COLUMNS} FROM goals g WHERE g.request_id = ANY($1::uuid[]) ORDER BY g.request_id, g.position`,
      [requestIds.filter(isUuid)],
    );
    return requestIds.map((id) => rows.filter((goal) => goal.requestId === id));
  }

  /** Pending requests to one mentor, for telling their mentees the mentor is full. */
  async pendingForProfile(profileId: string): Promise<MentorshipRequest[]> {
    return this.db.query<MentorshipRequest[]>(
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r WHERE r.mentor_profile_id = $1 AND r.status = 'PENDING'`,
      [profileId],
    );
  }

  /** Pending requests to join one group, for telling them the group filled or closed. */
  async pendingForGroup(groupId: string): Promise<MentorshipRequest[]> {
    return this.db.query<MentorshipRequest[]>(
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r WHERE r.group_id = $1 AND r.status = 'PENDING'`,
      [groupId],
    );
  }

  findTransition(id: string): Promise<RequestTransition | null> {
    return findTransition<RequestStatus>(this.db.manager, requestTransitions, id);
  }

  /**
   * Response rate and median response time per mentor profile, from recorded
   * transitions: answered = accepted or declined; expired requests count against.
   */
  async responseStats(profileIds: readonly string[]): Promise<ResponseStats[]> {
    const rows = await this.db.query<
      Array<{ profileId: string; answered: number; expired: number; median: number | null }>
    >(
      `SELECT r.mentor_profile_id AS "profileId",
              count(*) FILTER (WHERE t.to_status IN ('ACCEPTED', 'DECLINED'))::int AS answered,
              count(*) FILTER (WHERE t.to_status = 'EXPIRED')::int AS expired,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - r.created_at))
                 FILTER (WHERE t.to_status IN ('ACCEPTED', 'DECLINED')) / 3600)::float8 AS median
         FROM mentorship_request_transitions t
         JOIN mentorship_requests r ON r.id = t.request_id
        WHERE r.mentor_profile_id = ANY($1::uuid[]) AND t.to_status IN ('ACCEPTED', 'DECLINED', 'EXPIRED')
        GROUP BY r.mentor_profile_id`,
      [profileIds.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.profileId, row]));
    return profileIds.map((id) => {
      const row = byId.get(id);
      if (!row || row.answered + row.expired === 0) return { responseRate: null, medianResponseHours: null };
      return { responseRate: row.answered / (row.answered + row.expired), medianResponseHours: row.median };
    });
  }
}
