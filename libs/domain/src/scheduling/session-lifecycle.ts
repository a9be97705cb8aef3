import {
  recordTransitionEvent,
  StateMachine,
  transitionEventParams,
  type EventType,
  type Transaction,
  type TransitionLog,
} from '@app/platform';

export const SessionStatus = {
  SCHEDULED: 'SCHEDULED',
  CANCELLED: 'CANCELLED',
  COMPLETED: 'COMPLETED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

type SessionEvent = Extract<EventType, `session.${string}`>;

/**
 * The one place the session lifecycle is defined, as data: every move a session can make
 * and the event it writes. A reschedule is SCHEDULED to SCHEDULED; anything not listed is CONFLICT.
 */
const MOVES: ReadonlyArray<{ from: SessionStatus | null; to: SessionStatus; event: SessionEvent }> = [
  { from: null, to: SessionStatus.SCHEDULED, event: 'session.booked' },
  { from: SessionStatus.SCHEDULED, to: SessionStatus.SCHEDULED, event: 'session.rescheduled' },
  { from: SessionStatus.SCHEDULED, to: SessionStatus.CANCELLED, event: 'session.cancelled' },
  { from: SessionStatus.SCHEDULED, to: SessionStatus.COMPLETED, event: 'session.completed' },
  { from: SessionStatus.SCHEDULED, to: SessionStatus.NO_SHOW, event: 'session.no_show' },
];

export const sessionLifecycle = new StateMachine<SessionStatus>(
  'session',
  MOVES.flatMap(({ from, to }) => (from ? [[from, to] as const] : [])),
);

export const sessionTransitions: TransitionLog = { table: 'session_transitions', subjectColumn: 'session_id' };

export interface SessionMove {
  sessionId: string;
  /** null when the system moved it (the completion sweep). */
  actorId: string | null;
  from: SessionStatus | null;
  to: SessionStatus;
  reason?: string | null;
}

/** Checks the move against the table, then writes its audit row and its outbox event in `tx`. */
export async function recordSessionMove(tx: Transaction, move: SessionMove): Promise<void> {
  await recordTransitionEvent(tx, sessionTransitions, { ...move, subjectId: move.sessionId }, eventOf(move), {
    sessionId: move.sessionId,
  });
}

/**
 * The parameters of `transitionEventCtes(sessionTransitions, n)` for a move, checked against the
 * table, for a writer that records it in the statement that makes the change.
 */
export function sessionMoveParams(move: SessionMove): unknown[] {
  return transitionEventParams({ ...move, subjectId: move.sessionId }, eventOf(move), { sessionId: move.sessionId });
}

function eventOf(move: SessionMove): SessionEvent {
  if (move.from) sessionLifecycle.assertCanMove(move.from, move.to);
  const event = MOVES.find((candidate) => candidate.from === move.from && candidate.to === move.to)?.event;
  if (!event) throw new Error(`no session event for ${move.from ?? 'new'} -> ${move.to}`);
  return event;
}
