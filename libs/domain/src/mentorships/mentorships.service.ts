import { Injectable } from '@nestjs/common';
import { assertId, DomainError, parseInput, recordTransitionEvent, UnitOfWork, type Transaction } from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { MENTORSHIP_COLUMNS, type AcceptedRequest, type Mentorship, type ProgramMatch } from './mentorship.js';
import { mentorshipLifecycle, mentorshipTransitions, MentorshipStatus } from './mentorship-lifecycle.js';

const progressSchema = z.object({
  progress: z.number().int().min(0).max(100),
  note: z.string().trim().max(2000).nullish(),
});
const completeSchema = z.object({ note: z.string().trim().max(2000).nullish() });
const endSchema = z.object({ reason: z.string().trim().min(3).max(2000) });

/** Changes to mentorships: started from an accepted request, progressed, finished. */
@Injectable()
export class MentorshipsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly profiles: MentorProfilesService,
  ) {}

  /**
   * Starts the mentorship an accepted request becomes, inside the accepting transaction.
   * The mentor's profile row is locked while active mentorships are counted, so parallel
   * accepts queue up and only those that still fit succeed.
   */
  async startFromRequest(tx: Transaction, request: AcceptedRequest, actorId: string): Promise<string> {
    const profile = await this.profiles.lockForUpdate(tx, request.mentorProfileId);
    if (!profile) throw DomainError.notFound('Mentor profile');
    const active = await this.countActive(tx, profile.id);
    if (active >= profile.maxActiveMentees) {
      throw DomainError.conflict('The mentor has no free place for another mentee', { reason: 'MENTOR_AT_CAPACITY' });
    }
    const mentorshipId = await this.insertFromRequest(tx, request, null, actorId);
    if (active + 1 >= profile.maxActiveMentees) {
      await this.profiles.bumpVersion(tx, profile.id);
      await tx.emit('mentor_profile.capacity_reached', { profileId: profile.id });
    }
    return mentorshipId;
  }

  /**
   * Starts a member's mentorship with the host when a join request is accepted, inside the
   * accepting transaction that took the seat. The group's seats govern it, not the mentor's
   * marketplace capacity, so nothing is counted here.
   */
  startFromGroupRequest(tx: Transaction, request: AcceptedRequest, groupId: string, actorId: string): Promise<string> {
    return this.insertFromRequest(tx, request, groupId, actorId);
  }

  /**
   * Finishes the ACTIVE group mentorships of a group (of one member, when menteeId is given)
   * in the caller's transaction, which holds the group's lock: leaving ends one, closing
   * completes them all.
   */
  async finishGroupMentorships(
    tx: Transaction,
    groupId: string,
    menteeId: string | null,
    to: MentorshipStatus,
    reason: string | null,
    actorId: string,
  ): Promise<void> {
    const rows = await tx.manager.query<Mentorship[]>(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m
        WHERE m.group_id = $1 AND m.status = 'ACTIVE' AND ($2::uuid IS NULL OR m.mentee_id = $2)
        ORDER BY m.id FOR UPDATE`,
      [groupId, menteeId],
    );
    for (const mentorship of rows) await this.move(tx, mentorship, to, reason, actorId);
  }

  /**
   * Starts a mentorship a program's published round made, inside the publishing
   * transaction. It counts against the program's places, which the round checked, not
   * against the mentor's marketplace capacity, and tracks the mentee's enrolment goals.
   */
  async startFromProgram(tx: Transaction, match: ProgramMatch, actorId: string): Promise<string> {
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO mentorships (program_id, mentee_id, mentee_enrollment_id, mentor_profile_id, mentor_user_id,
                                mentor_enrollment_id, format, cadence, channel, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        match.programId,
        match.menteeId,
        match.menteeEnrollmentId,
        match.mentorProfileId,
        match.mentorUserId,
        match.mentorEnrollmentId,
        match.format,
        match.cadence,
        match.channel,
        match.endsOn,
      ],
    );
    const mentorshipId = rows[0].id;
    await tx.manager.query(
      `INSERT INTO goals (mentorship_id, position, title) SELECT $1, position - 1, title
         FROM unnest($2::text[]) WITH ORDINALITY AS g(title, position)`,
      [mentorshipId, match.goals],
    );
    await this.recordStart(tx, mentorshipId, actorId);
    return mentorshipId;
  }

  /** The member's ACTIVE mentorship with the host of a group, if any; read in the caller's transaction. */
  async activeGroupMentorshipId(tx: Transaction, groupId: string, menteeId: string): Promise<string | null> {
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `SELECT id FROM mentorships WHERE group_id = $1 AND mentee_id = $2 AND status = 'ACTIVE'`,
      [groupId, menteeId],
    );
    return rows[0]?.id ?? null;
  }

  /** True when the two already work together one-to-one (a shared group is no bar); read inside the caller's transaction. */
  async hasActiveBetween(tx: Transaction, menteeId: string, profileId: string): Promise<boolean> {
    const rows = await tx.manager.query<unknown[]>(
      `SELECT 1 FROM mentorships
        WHERE mentee_id = $1 AND mentor_profile_id = $2 AND status = 'ACTIVE' AND group_id IS NULL`,
      [menteeId, profileId],
    );
    return rows.length > 0;
  }

  complete(userId: string, id: string, note: string | null | undefined): Promise<string> {
    const input = parseInput(completeSchema, { note }, 'input');
    return this.finish(userId, id, MentorshipStatus.COMPLETED, input.note ?? null);
  }

  end(userId: string, id: string, reason: string): Promise<string> {
    const input = parseInput(endSchema, { reason }, 'input');
    return this.finish(userId, id, MentorshipStatus.ENDED, input.reason);
  }

  /** Either participant records progress on one goal of an active mentorship; every update is kept. */
  async updateGoalProgress(
    userId: string,
    mentorshipId: string,
    goalId: string,
    progress: number,
    note: string | null | undefined,
  ): Promise<string> {
    assertId(mentorshipId, 'Mentorship');
    const input = parseInput(progressSchema, { progress, note }, 'input');
    return this.uow.run(async (tx) => {
      await this.recordGoalProgress(tx, userId, mentorshipId, goalId, input.progress, input.note ?? null);
      return mentorshipId;
    });
  }

  /**
   * The one path goal progress takes (updateGoalProgress, a mentee's check-in): the goal
   * moves and the update joins its history, in the caller's transaction. Validated input only.
   */
  async recordGoalProgress(
    tx: Transaction,
    userId: string,
    mentorshipId: string,
    goalId: string,
    progress: number,
    note: string | null,
  ): Promise<void> {
    const mentorship = await this.lockForParticipant(tx, userId, mentorshipId);
    if (mentorship.status !== MentorshipStatus.ACTIVE) {
      throw DomainError.conflict(`This mentorship is ${mentorship.status}; its goals are closed`);
    }
    assertId(goalId, 'Goal');
    const updated = await tx.manager.query<[unknown[], number]>(
      `UPDATE goals SET progress = $1, updated_at = now() WHERE id = $2 AND mentorship_id = $3`,
      [progress, goalId, mentorshipId],
    );
    if (updated[1] === 0) throw DomainError.notFound('Goal');
    await tx.manager.query(
      `INSERT INTO goal_progress_updates (goal_id, author_id, progress, note) VALUES ($1, $2, $3, $4)`,
      [goalId, userId, progress, note],
    );
  }

  /**
   * For DataLoaders and capacity checks: ACTIVE marketplace mentorships per mentor profile,
   * in the order asked. Program mentorships count against their program's places, group
   * mentorships against their group's seats instead.
   */
  async activeCounts(profileIds: readonly string[], manager: EntityManager = this.db.manager): Promise<number[]> {
    const rows = await manager.query<Array<{ profileId: string; active: number }>>(
      `SELECT mentor_profile_id AS "profileId", count(*)::int AS active FROM mentorships
        WHERE mentor_profile_id = ANY($1::uuid[]) AND status = 'ACTIVE' AND program_id IS NULL AND group_id IS NULL
        GROUP BY mentor_profile_id`,
      [[...profileIds]],
    );
    const byId = new Map(rows.map((row) => [row.profileId, row.active]));
    return profileIds.map((id) => byId.get(id) ?? 0);
  }

  /**
   * For program rounds, in the order asked: per enrolment, a mentor's ACTIVE program
   * mentorships (their places used) and a mentee's program mentorship, whatever became of it.
   */
  async programMatchCounts(enrollmentIds: readonly string[], manager: EntityManager): Promise<number[]> {
    const rows = await manager.query<Array<{ enrollmentId: string; matches: number }>>(
      `SELECT enrollment_id AS "enrollmentId", count(*)::int AS matches FROM (
         SELECT mentor_enrollment_id AS enrollment_id FROM mentorships
          WHERE mentor_enrollment_id = ANY($1::uuid[]) AND status = 'ACTIVE'
         UNION ALL
         SELECT mentee_enrollment_id FROM mentorships WHERE mentee_enrollment_id = ANY($1::uuid[])
       ) AS used GROUP BY enrollment_id`,
      [[...enrollmentIds]],
    );
    const byId = new Map(rows.map((row) => [row.enrollmentId, row.matches]));
    return enrollmentIds.map((id) => byId.get(id) ?? 0);
  }

  private async insertFromRequest(
    tx: Transaction,
    request: AcceptedRequest,
    groupId: string | null,
    actorId: string,
  ): Promise<string> {
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO mentorships (request_id, mentee_id, mentor_profile_id, mentor_user_id, format, cadence, channel,
                                ends_on, group_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (now() + make_interval(weeks => $8))::date, $9)
       RETURNING id`,
      [
        request.id,
        request.menteeId,
        request.mentorProfileId,
        request.mentorUserId,
        request.format,
        request.cadence,
        request.channel,
        request.durationWeeks,
        groupId,
      ],
    );
    const mentorshipId = rows[0]?.id;
    if (!mentorshipId) throw new Error('mentorship insert returned no id');
    await tx.manager.query(`UPDATE goals SET mentorship_id = $1 WHERE request_id = $2`, [mentorshipId, request.id]);
    await this.recordStart(tx, mentorshipId, actorId);
    return mentorshipId;
  }

  /** A new mentorship's first transition, from nothing to ACTIVE, and its event. */
  private async recordStart(tx: Transaction, mentorshipId: string, actorId: string): Promise<void> {
    await recordTransitionEvent(
      tx,
      mentorshipTransitions,
      { subjectId: mentorshipId, actorId, from: null, to: MentorshipStatus.ACTIVE },
      'mentorship.transitioned',
      { mentorshipId },
    );
  }

  private async countActive(tx: Transaction, profileId: string): Promise<number> {
    const [count] = await this.activeCounts([profileId], tx.manager);
    return count ?? 0;
  }

  private async finish(userId: string, id: string, to: MentorshipStatus, reason: string | null): Promise<string> {
    assertId(id, 'Mentorship');
    return this.uow.run(async (tx) => {
      const mentorship = await this.lockForParticipant(tx, userId, id);
      // A member's seat and their mentorship end together, so the group's own verbs end it.
      if (mentorship.groupId) {
        throw DomainError.conflict('A group mentorship ends when the member leaves the group or the host closes it');
      }
      // Locked before the status changes, in the same order as accepting (mentorship, then profile).
      const profile = await this.profiles.lockForUpdate(tx, mentorship.mentorProfileId);
      const activeBefore = await this.countActive(tx, mentorship.mentorProfileId);
      await this.move(tx, mentorship, to, reason, userId);
      // A full mentor has a free place again: search must show them accepting.
      if (profile && activeBefore >= profile.maxActiveMentees) await this.profiles.bumpVersion(tx, profile.id);
      return id;
    });
  }

  private async move(
    tx: Transaction,
    mentorship: Mentorship,
    to: MentorshipStatus,
    reason: string | null,
    actorId: string,
  ): Promise<void> {
    mentorshipLifecycle.assertCanMove(mentorship.status, to);
    await tx.manager.query(
      `UPDATE mentorships SET status = $1, ended_at = now(), end_reason = $2, updated_at = now() WHERE id = $3`,
      [to, reason, mentorship.id],
    );
    await recordTransitionEvent(
      tx,
      mentorshipTransitions,
      { subjectId: mentorship.id, actorId, from: mentorship.status, to, reason },
      'mentorship.transitioned',
      { mentorshipId: mentorship.id },
    );
  }

  /** Participants only; anyone else learns nothing, not even that it exists. Writers of one mentorship queue here. */
  async lockForParticipant(tx: Transaction, userId: string, id: string): Promise<Mentorship> {
    const rows = await tx.manager.query<Mentorship[]>(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m
        WHERE m.id = $1 AND (m.mentee_id = $2 OR m.mentor_user_id = $2) FOR UPDATE`,
      [id, userId],
    );
    const mentorship = rows[0];
    if (!mentorship) throw DomainError.notFound('Mentorship');
    return mentorship;
  }
}
