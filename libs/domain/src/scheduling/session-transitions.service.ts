import { Injectable } from '@nestjs/common';
import { assertId, DomainError, isUuid, parseInput, UnitOfWork, type Transaction } from '@app/platform';
import { cancelReasonSchema } from './session.inputs.js';
import { recordSessionMove, sessionLifecycle, SessionStatus } from './session-lifecycle.js';
import { SessionQueriesService } from './session-queries.service.js';
import { assertMayChangeTime, type MentoringSession } from './session.js';

const HOUR_MS = 3_600_000;
/** A cancellation this close to the start is late, and both sides see it. */
const LATE_CANCELLATION_MS = 24 * HOUR_MS;
/** Sessions nobody marked are completed this long after their end. */
const AUTO_COMPLETE_AFTER_MS = 2 * HOUR_MS;
const SWEEP_BATCH = 500;

interface LockedSession {
  hostId: string;
  groupId: string | null;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  participantIds: string[];
}

/** Cancelling, completing and no-shows: each a move of the session lifecycle with its audit row and event. */
@Injectable()
export class SessionTransitionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: SessionQueriesService,
  ) {}

  /** A participant cancels before the start; cancelling frees everyone's time at once. */
  async cancel(userId: string, id: string, rawReason: string | null | undefined): Promise<MentoringSession> {
    const reason = parseInput(cancelReasonSchema, rawReason, 'reason') || null;
    await this.uow.run(async (tx) => {
      const session = await this.lockForParticipant(tx, userId, id);
      assertMayChangeTime(session, userId);
      sessionLifecycle.assertCanMove(session.status, SessionStatus.CANCELLED);
      const untilStart = session.startsAt.getTime() - Date.now();
      if (untilStart <= 0) throw DomainError.conflict('This session has started; report a no-show or complete it');
      await tx.manager.query(
        `UPDATE sessions SET status = 'CANCELLED', cancelled_by = $2, cancel_reason = $3, cancelled_at = now(),
                late_cancellation = $4, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, userId, reason, untilStart < LATE_CANCELLATION_MS],
      );
      await tx.manager.query(`UPDATE session_participants SET active = false WHERE session_id = $1`, [id]);
      await recordSessionMove(tx, {
        sessionId: id,
        actorId: userId,
        from: session.status,
        to: SessionStatus.CANCELLED,
        reason,
      });
    });
    return this.queries.findForParticipant(userId, id);
  }

  /** A participant marks the session held, once it is over. */
  async complete(userId: string, id: string): Promise<MentoringSession> {
    await this.uow.run(async (tx) => {
      const session = await this.lockForParticipant(tx, userId, id);
      sessionLifecycle.assertCanMove(session.status, SessionStatus.COMPLETED);
      if (session.endsAt.getTime() > Date.now()) throw DomainError.conflict('This session is not over yet');
      await this.markCompleted(tx, id, userId);
    });
    return this.queries.findForParticipant(userId, id);
  }

  /** A participant reports, after the start, that another participant did not come. */
  async reportNoShow(userId: string, id: string, absentId: string): Promise<MentoringSession> {
    await this.uow.run(async (tx) => {
      const session = await this.lockForParticipant(tx, userId, id);
      if (absentId === userId || !isUuid(absentId) || !session.participantIds.includes(absentId.toLowerCase())) {
        throw DomainError.badInput('userId', 'userId must be another participant of this session');
      }
      sessionLifecycle.assertCanMove(session.status, SessionStatus.NO_SHOW);
      if (session.startsAt.getTime() > Date.now()) throw DomainError.conflict('This session has not started yet');
      await tx.manager.query(
        `UPDATE session_participants SET no_show_reported_by = $3 WHERE session_id = $1 AND user_id = $2`,
        [id, absentId.toLowerCase(), userId],
      );
      await tx.manager.query(
        `UPDATE sessions SET status = 'NO_SHOW', version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await recordSessionMove(tx, {
        sessionId: id,
        actorId: userId,
        from: session.status,
        to: SessionStatus.NO_SHOW,
        reason: `absent: ${absentId.toLowerCase()}`,
      });
    });
    return this.queries.findForParticipant(userId, id);
  }

  /**
   * Completes every session still SCHEDULED two hours after its end (a reported no-show
   * already moved it out of SCHEDULED). Safe to run any number of times; returns how many.
   */
  async completeOverdue(): Promise<number> {
    let completed = 0;
    for (;;) {
      const due = await this.uow.run((tx) =>
        tx.manager.query<Array<{ id: string }>>(
          `SELECT id FROM sessions WHERE status = 'SCHEDULED' AND ends_at <= $1 ORDER BY ends_at LIMIT ${SWEEP_BATCH}`,
          [new Date(Date.now() - AUTO_COMPLETE_AFTER_MS)],
        ),
      );
      for (const { id } of due) {
        const done = await this.uow.run(async (tx) => {
          const rows = await tx.manager.query<unknown[]>(
            `SELECT 1 FROM sessions WHERE id = $1 AND status = 'SCHEDULED' AND ends_at <= $2 FOR UPDATE`,
            [id, new Date(Date.now() - AUTO_COMPLETE_AFTER_MS)],
          );
          if (rows.length === 0) return false;
          await this.markCompleted(tx, id, null);
          return true;
        });
        if (done) completed += 1;
      }
      if (due.length < SWEEP_BATCH) return completed;
    }
  }

  private async markCompleted(tx: Transaction, id: string, actorId: string | null): Promise<void> {
    await tx.manager.query(
      `UPDATE sessions SET status = 'COMPLETED', version = version + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
    await recordSessionMove(tx, { sessionId: id, actorId, from: SessionStatus.SCHEDULED, to: SessionStatus.COMPLETED });
  }

  /** Participants only; anyone else learns nothing, not even that it exists. */
  private async lockForParticipant(tx: Transaction, userId: string, id: string): Promise<LockedSession> {
    assertId(id, 'Session');
    const rows = await tx.manager.query<LockedSession[]>(
      `SELECT s.host_id AS "hostId", s.group_id AS "groupId", s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              ARRAY(SELECT p.user_id FROM session_participants p WHERE p.session_id = s.id ORDER BY p.position)
                AS "participantIds"
         FROM sessions s
        WHERE s.id = $1 AND EXISTS (SELECT 1 FROM session_participants p WHERE p.session_id = s.id AND p.user_id = $2)
        FOR UPDATE OF s`,
      [id, userId],
    );
    const session = rows[0];
    if (!session) throw DomainError.notFound('Session');
    return session;
  }
}
