import { randomUUID } from 'node:crypto';
import { DomainError, isExclusionViolation, transitionEventCtes, type Transaction } from '@app/platform';
import { QueryFailedError } from 'typeorm';
import { sessionMoveParams, sessionTransitions, SessionStatus } from './session-lifecycle.js';
import { SESSION_ROW_COLUMNS, type MentoringSessionRow } from './session.js';

const NO_OVERLAP = 'session_participants_no_overlap';

export interface NewSession {
  hostId: string;
  /** Exactly one of the two: a one-to-one session or a group session. */
  mentorshipId: string | null;
  groupId: string | null;
  /** The host first. */
  participantIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
  agenda: string | null;
  actorId: string;
}

/**
 * Writes a booked session, its participants' time ranges and its `booked` move, in the caller's
 * transaction; answers the session as a reader would see it after commit, from the inserted values.
 */
export async function insertSession(tx: Transaction, session: NewSession): Promise<MentoringSessionRow> {
  // The id is chosen here so that the session, its participant rows (host first), its
  // transition and its outbox event are one statement.
  const id = randomUUID();
  const [row] = await tx.manager.query<MentoringSessionRow[]>(
    `WITH s AS (INSERT INTO sessions (id, host_id, mentorship_id, group_id, starts_at, ends_at, agenda)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *),
          p AS (INSERT INTO session_participants (session_id, user_id, position, during)
                SELECT s.id, people.user_id, people.position - 1, tstzrange($5, $6)
                  FROM s, unnest($8::uuid[]) WITH ORDINALITY AS people(user_id, position)),
          ${transitionEventCtes(sessionTransitions, 9)}
     SELECT ${SESSION_ROW_COLUMNS}, $8::uuid[] AS "participantIds", '{}'::uuid[] AS "noShowIds" FROM s`,
    [
      id,
      session.hostId,
      session.mentorshipId,
      session.groupId,
      session.startsAt,
      session.endsAt,
      session.agenda,
      session.participantIds,
      ...sessionMoveParams({ sessionId: id, actorId: session.actorId, from: null, to: SessionStatus.SCHEDULED }),
    ],
  );
  if (!row) throw new Error('session insert returned no row');
  return row;
}

/** The CONFLICT that names who is busy: `busyUserIds` in the error's extensions. */
export function participantBusy(busyUserIds: readonly string[]): DomainError {
  return DomainError.conflict('A participant already has a session at this time', {
    reason: 'PARTICIPANT_BUSY',
    busyUserIds: [...busyUserIds],
  });
}

/**
 * The exclusion constraint is the last word: an overlap it refused is a CONFLICT naming the
 * participant PostgreSQL reported ("Key (user_id, during)=(<id>, …) conflicts …"), never an
 * internal error.
 */
export async function refusingOverlaps<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isExclusionViolation(error, NO_OVERLAP)) throw error;
    const detail = error instanceof QueryFailedError ? String((error.driverError as { detail?: string }).detail) : '';
    const busy = /\)=\(([0-9a-f-]{36}),/.exec(detail)?.[1];
    throw participantBusy(busy ? [busy] : []);
  }
}
