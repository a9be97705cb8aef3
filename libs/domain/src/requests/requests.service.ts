import { Inject, Injectable } from '@nestjs/common';
import {
  assertId,
  CONFIG,
  DomainError,
  isUniqueViolation,
  parseInput,
  recordTransitionEvent,
  UnitOfWork,
  type Config,
  type Transaction,
} from '@app/platform';
import { GroupMembershipService } from '../groups/group-membership.service.js';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { ProfileStatus } from '../profiles/mentor-profile.entity.js';
import { REQUEST_COLUMNS, type MentorshipRequest } from './mentorship-request.js';
import { requestLifecycle, requestTransitions } from './request-lifecycle.js';
import { RequestQuotaService } from './request-quota.service.js';
import { MAX_PENDING_REQUESTS, RequestStatus, type DeclineReason } from './request-terms.js';
import {
  declineReasonSchema,
  responseMessageSchema,
  sendRequestSchema,
  type SendRequestInput,
} from './requests.inputs.js';

const ONE_PENDING_INDEX = 'mentorship_requests_one_pending_idx';
const SWEEP_BATCH = 500;

/** Sending and answering mentorship requests; every change is a recorded transition with its event. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly profiles: MentorProfilesService,
    private readonly mentorships: MentorshipsService,
    private readonly quota: RequestQuotaService,
    private readonly groups: GroupMembershipService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async send(menteeId: string, raw: SendRequestInput): Promise<string> {
    const input = parseInput(sendRequestSchema, raw, 'input');
    const profile = await this.profiles.findById(input.mentorId);
    if (!profile) throw DomainError.notFound('Mentor');
    if (profile.userId === menteeId)
      throw DomainError.badInput('input.mentorId', 'You cannot ask yourself to mentor you');
    // Before the format check, so an unpublished profile's details are never echoed back.
    if (profile.status !== ProfileStatus.PUBLISHED) throw DomainError.conflict('This mentor is not accepting requests');
    // A join request's format is checked against its group's kind instead, inside the transaction.
    if (!input.groupId && !profile.formats.includes(input.format)) {
      throw DomainError.badInput('input.format', `This mentor offers ${profile.formats.join(', ') || 'no format yet'}`);
    }
    try {
      return await this.uow.run(async (tx) => {
        await this.lockMentee(tx, menteeId);
        await this.quota.assertMaySend(tx, menteeId, profile.id);
        if (input.groupId) {
          // Group seats, not the mentor's one-to-one places, decide whether a mentee may join.
          const ask = { groupId: input.groupId, menteeId, mentorProfileId: profile.id, format: input.format };
          await this.groups.assertJoinable(tx, ask);
        } else {
          await this.assertMentorAccepting(tx, profile.id);
          if (await this.mentorships.hasActiveBetween(tx, menteeId, profile.id)) {
            throw DomainError.conflict('You already have an active mentorship with this mentor');
          }
        }
        const [{ pending }] = await tx.manager.query<[{ pending: number }]>(
          `SELECT count(*)::int AS pending FROM mentorship_requests
            WHERE mentee_id = $1 AND status = 'PENDING' AND expires_at > now()`,
          [menteeId],
        );
        if (pending >= MAX_PENDING_REQUESTS) {
          throw DomainError.conflict(
            `You already have ${MAX_PENDING_REQUESTS} pending requests; wait for answers or withdraw one`,
          );
        }
        const rows = await tx.manager.query<Array<{ id: string }>>(
          `INSERT INTO mentorship_requests (mentee_id, mentor_profile_id, mentor_user_id, motivation, format, cadence,
             channel, duration_weeks, topics, confidentiality_note, expires_at, group_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + make_interval(days => $11), $12)
           RETURNING id`,
          [
            menteeId,
            profile.id,
            profile.userId,
            input.motivation,
            input.format,
            input.cadence,
            input.channel,
            input.durationWeeks,
            input.topics,
            input.confidentialityNote,
            this.config.REQUEST_EXPIRY_DAYS,
            input.groupId?.toLowerCase() ?? null,
          ],
        );
        const requestId = rows[0]?.id;
        if (!requestId) throw new Error('request insert returned no id');
        for (const [position, goal] of input.goals.entries()) {
          await tx.manager.query(
            `INSERT INTO goals (request_id, position, title, success_criteria, target_date) VALUES ($1, $2, $3, $4, $5)`,
            [requestId, position, goal.title, goal.successCriteria, goal.targetDate],
          );
        }
        await this.transition(tx, requestId, menteeId, null, RequestStatus.PENDING);
        return requestId;
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_PENDING_INDEX)) {
        throw DomainError.conflict('You already have a pending request to this mentor');
      }
      throw error;
    }
  }

  /**
   * The mentor accepts a request: it becomes a mentorship in the same transaction. A join
   * request first takes a seat in the group, never past capacity, and its mentorship is tied
   * to the group. Returns the mentorship's id.
   */
  async accept(mentorUserId: string, id: string, message: string | null | undefined): Promise<string> {
    const responseMessage = parseInput(responseMessageSchema, message, 'message');
    return this.uow.run(async (tx) => {
      const request = await this.lockFor(tx, id, 'mentor', mentorUserId);
      requestLifecycle.assertCanMove(request.status, RequestStatus.ACCEPTED);
      await tx.manager.query(
        `UPDATE mentorship_requests SET status = 'ACCEPTED', responded_at = now(), response_message = $2, updated_at = now()
          WHERE id = $1`,
        [request.id, responseMessage],
      );
      await this.transition(tx, request.id, mentorUserId, request.status, RequestStatus.ACCEPTED);
      if (!request.groupId) return this.mentorships.startFromRequest(tx, request, mentorUserId);
      const join = { requestId: request.id, groupId: request.groupId, menteeId: request.menteeId };
      await this.groups.addMember(tx, join, mentorUserId);
      return this.mentorships.startFromGroupRequest(tx, request, request.groupId, mentorUserId);
    });
  }

  async decline(
    mentorUserId: string,
    id: string,
    reason: DeclineReason,
    message: string | null | undefined,
  ): Promise<string> {
    const declineReason = parseInput(declineReasonSchema, reason, 'reason');
    const responseMessage = parseInput(responseMessageSchema, message, 'message');
    return this.uow.run(async (tx) => {
      const request = await this.lockFor(tx, id, 'mentor', mentorUserId);
      requestLifecycle.assertCanMove(request.status, RequestStatus.DECLINED);
      await tx.manager.query(
        `UPDATE mentorship_requests SET status = 'DECLINED', responded_at = now(), decline_reason = $2,
                response_message = $3, updated_at = now()
          WHERE id = $1`,
        [request.id, declineReason, responseMessage],
      );
      await this.transition(tx, request.id, mentorUserId, request.status, RequestStatus.DECLINED, declineReason);
      return request.id;
    });
  }

  async withdraw(menteeId: string, id: string): Promise<string> {
    return this.uow.run(async (tx) => {
      const request = await this.lockFor(tx, id, 'mentee', menteeId);
      requestLifecycle.assertCanMove(request.status, RequestStatus.WITHDRAWN);
      await tx.manager.query(`UPDATE mentorship_requests SET status = 'WITHDRAWN', updated_at = now() WHERE id = $1`, [
        request.id,
      ]);
      await this.transition(tx, request.id, menteeId, request.status, RequestStatus.WITHDRAWN);
      return request.id;
    });
  }

  /**
   * Expires one request if it is still pending and due. Safe to call any number of
   * times, early or late: the timer and the sweep may both arrive.
   */
  async expire(id: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const rows = await tx.manager.query<MentorshipRequest[]>(
        `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r
          WHERE r.id = $1 AND r.status = 'PENDING' AND r.expires_at <= now() FOR UPDATE`,
        [id],
      );
      const request = rows[0];
      if (!request) return false;
      await tx.manager.query(`UPDATE mentorship_requests SET status = 'EXPIRED', updated_at = now() WHERE id = $1`, [
        request.id,
      ]);
      await this.transition(tx, request.id, null, request.status, RequestStatus.EXPIRED, 'no answer in time');
      return true;
    });
  }

  /** Expires every overdue request; returns how many. */
  async expireOverdue(): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.uow.run((tx) =>
        tx.manager.query<Array<{ id: string }>>(
          `SELECT id FROM mentorship_requests WHERE status = 'PENDING' AND expires_at <= now()
            ORDER BY expires_at LIMIT ${SWEEP_BATCH}`,
        ),
      );
      for (const { id } of due) if (await this.expire(id)) expired += 1;
      if (due.length < SWEEP_BATCH) return expired;
    }
  }

  /**
   * The mentee's row is where a mentee's sends and every answer to their requests queue up,
   * always taken first: parallel sends cannot pass the pending and daily limits together, and
   * a send racing a withdrawal, decline or accept for the same mentor sees its outcome (the
   * cooling-off, the active mentorship) instead of slipping in beside it. NO KEY UPDATE: it
   * must not block the foreign-key checks of other transactions.
   */
  private async lockMentee(tx: Transaction, menteeId: string): Promise<void> {
    await tx.manager.query(`SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`, [menteeId]);
  }

  /** Read under the profile lock, inside the transaction (a second pooled connection here could starve the pool). */
  private async assertMentorAccepting(tx: Transaction, profileId: string): Promise<void> {
    const profile = await this.profiles.lockForUpdate(tx, profileId);
    if (profile?.status !== ProfileStatus.PUBLISHED) {
      throw DomainError.conflict('This mentor is not accepting requests');
    }
    const [active] = await this.mentorships.activeCounts([profileId], tx.manager);
    if ((active ?? 0) >= profile.maxActiveMentees) {
      throw DomainError.conflict('This mentor is not accepting requests: every place is taken');
    }
  }

  /** Locks the request for the one party allowed this move; to anyone else it does not exist. */
  private async lockFor(
    tx: Transaction,
    id: string,
    party: 'mentor' | 'mentee',
    userId: string,
  ): Promise<MentorshipRequest> {
    assertId(id, 'Mentorship request');
    const column = party === 'mentor' ? 'mentor_user_id' : 'mentee_id';
    const [parties] = await tx.manager.query<Array<{ menteeId: string }>>(
      `SELECT mentee_id AS "menteeId" FROM mentorship_requests WHERE id = $1 AND ${column} = $2`,
      [id, userId],
    );
    if (!parties) throw DomainError.notFound('Mentorship request');
    await this.lockMentee(tx, parties.menteeId);
    const rows = await tx.manager.query<MentorshipRequest[]>(
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests r WHERE r.id = $1 AND r.${column} = $2 FOR UPDATE`,
      [id, userId],
    );
    const request = rows[0];
    if (!request) throw DomainError.notFound('Mentorship request');
    // Overdue but not yet swept (the sweep may lag, e.g. while Redis is down): it is over.
    if (request.status === RequestStatus.PENDING && request.expiresAt.getTime() <= Date.now()) {
      throw DomainError.conflict('This request has expired');
    }
    return request;
  }

  private async transition(
    tx: Transaction,
    requestId: string,
    actorId: string | null,
    from: RequestStatus | null,
    to: RequestStatus,
    reason?: string,
  ): Promise<void> {
    await recordTransitionEvent(
      tx,
      requestTransitions,
      { subjectId: requestId, actorId, from, to, reason },
      'mentorship_request.transitioned',
      { requestId },
    );
  }
}
