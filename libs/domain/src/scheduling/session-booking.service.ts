import { Injectable } from '@nestjs/common';
import { assertId, DomainError, parseInput, UnitOfWork } from '@app/platform';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { lockSchedules } from './schedule-locks.js';
import { bookSessionSchema, type BookSessionInput } from './session.inputs.js';
import { recordSessionMove, sessionLifecycle, SessionStatus } from './session-lifecycle.js';
import { SessionQueriesService } from './session-queries.service.js';
import { assertMayChangeTime, type MentoringSession } from './session.js';
import { insertSession, refusingOverlaps } from './session-writes.js';
import { SlotsService } from './slots.service.js';

/** Booking and moving sessions: only at times availableSlots would offer, re-checked under the schedule locks. */
@Injectable()
export class SessionBookingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mentorships: MentorshipQueriesService,
    private readonly slots: SlotsService,
    private readonly queries: SessionQueriesService,
  ) {}

  /** Either participant of an ACTIVE mentorship books a session with the mentor as host. */
  async book(userId: string, raw: BookSessionInput): Promise<MentoringSession> {
    const input = parseInput(bookSessionSchema, raw, 'input');
    const mentorship = await this.mentorships.findWithSessionLengths(userId, input.mentorshipId);
    if (mentorship.status !== MentorshipStatus.ACTIVE) {
      throw DomainError.conflict(`This mentorship is ${mentorship.status}; sessions are booked in active ones`);
    }
    if (!mentorship.sessionLengths.includes(input.durationMinutes)) {
      throw DomainError.badInput(
        'input.durationMinutes',
        `This mentor offers ${mentorship.sessionLengths.join(', ') || 'no'} minute sessions`,
      );
    }
    const hostId = mentorship.mentorUserId;
    const participants = [hostId, mentorship.menteeId];
    const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
    const row = await refusingOverlaps(() =>
      this.uow.run(async (tx) => {
        await lockSchedules(tx, participants);
        await this.slots.assertOffered(tx, {
          hostId,
          otherIds: [mentorship.menteeId],
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          excludeSessionId: null,
        });
        return insertSession(tx, {
          hostId,
          mentorshipId: mentorship.id,
          groupId: null,
          participantIds: participants,
          startsAt: input.startsAt,
          endsAt,
          agenda: input.agenda || null,
          actorId: userId,
        });
      }),
    );
    return this.queries.view(row);
  }

  /** A participant moves a SCHEDULED session that has not started; the same checks as booking apply. */
  async reschedule(userId: string, id: string, startsAt: Date): Promise<MentoringSession> {
    assertId(id, 'Session');
    const current = await this.queries.findForParticipant(userId, id);
    assertMayChangeTime(current, userId);
    if (current.mentorshipId) {
      const [mentorship] = await this.mentorships.findByIds([current.mentorshipId]);
      if (mentorship?.status !== MentorshipStatus.ACTIVE) {
        throw DomainError.conflict('This mentorship is over; its sessions cannot move');
      }
    }
    const durationMs = current.endsAt.getTime() - current.startsAt.getTime();
    const endsAt = new Date(startsAt.getTime() + durationMs);
    await refusingOverlaps(() =>
      this.uow.run(async (tx) => {
        await lockSchedules(tx, current.participantIds);
        const [locked] = await tx.manager.query<Array<{ status: SessionStatus; startsAt: Date }>>(
          `SELECT status, starts_at AS "startsAt" FROM sessions WHERE id = $1 FOR UPDATE`,
          [id],
        );
        if (!locked) throw DomainError.notFound('Session');
        if (locked.status === SessionStatus.SCHEDULED && locked.startsAt.getTime() <= Date.now()) {
          throw DomainError.conflict('This session has started; it can no longer move');
        }
        sessionLifecycle.assertCanMove(locked.status, SessionStatus.SCHEDULED);
        await this.slots.assertOffered(tx, {
          hostId: current.hostId,
          otherIds: current.participantIds.filter((participant) => participant !== current.hostId),
          startsAt,
          durationMinutes: durationMs / 60_000,
          excludeSessionId: id,
        });
        await tx.manager.query(
          `UPDATE sessions SET starts_at = $2, ends_at = $3, version = version + 1,
                  reschedule_count = reschedule_count + 1, updated_at = now()
            WHERE id = $1`,
          [id, startsAt, endsAt],
        );
        await tx.manager.query(`UPDATE session_participants SET during = tstzrange($2, $3) WHERE session_id = $1`, [
          id,
          startsAt,
          endsAt,
        ]);
        await recordSessionMove(tx, {
          sessionId: id,
          actorId: userId,
          from: locked.status,
          to: SessionStatus.SCHEDULED,
        });
      }),
    );
    return this.queries.findForParticipant(userId, id);
  }
}
