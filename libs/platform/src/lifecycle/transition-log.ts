import type { EntityManager } from 'typeorm';
import { outboxInsertSql, type Transaction } from '../database/unit-of-work.js';
import type { EventPayloads, EventType } from '../queue/events.js';

/** Where one lifecycle keeps its history: a table with the shared transition columns. */
export interface TransitionLog {
  table: string;
  subjectColumn: string;
}

export interface TransitionRecord {
  subjectId: string;
  /** null when the system moved it (expiry). */
  actorId: string | null;
  /** null when the subject was created by this transition. */
  from: string | null;
  to: string;
  reason?: string | null;
}

/** The events whose payload names the transition row that records them. */
export type TransitionEvent = {
  [T in EventType]: EventPayloads[T] extends { transitionId: string } ? T : never;
}[EventType];

const transitionParams = (record: TransitionRecord) => [
  record.subjectId,
  record.actorId,
  record.from,
  record.to,
  record.reason ?? null,
];

/**
 * Appends one transition and the outbox event that announces it, in one statement of the
 * caller's transaction: the event's payload is `payload` plus the new row's id as
 * `transitionId`. Both commit or roll back with the state change, exactly as
 * a separate transition insert followed by `tx.emit` would, one round trip sooner.
 */
export async function recordTransitionEvent<T extends TransitionEvent>(
  tx: Transaction,
  log: TransitionLog,
  record: TransitionRecord,
  type: T,
  payload: Omit<EventPayloads[T], 'transitionId'>,
): Promise<string> {
  const rows = await tx.manager.query<Array<{ id: string }>>(
    `WITH ${transitionEventCtes(log, 1)} SELECT id FROM t`,
    transitionEventParams(record, type, payload),
  );
  return transitionIdOf(log, rows);
}

/**
 * recordTransitionEvent's writes as two CTEs, `t` (the transition, answering its id) and `o`
 * (the event), for a writer that folds them into the statement creating the subject. They read
 * the seven parameters transitionEventParams gives, numbered from `first`.
 */
export function transitionEventCtes(log: TransitionLog, first: number): string {
  const [subject, actor, from, to, reason, type, payload] = [0, 1, 2, 3, 4, 5, 6].map((i) => `$${first + i}`);
  return `t AS (INSERT INTO ${log.table} (${log.subjectColumn}, actor_id, from_status, to_status, reason)
                VALUES (${subject}, ${actor}, ${from}, ${to}, ${reason}) RETURNING id::text AS id),
          o AS (${outboxInsertSql(type, `${payload}::jsonb || jsonb_build_object('transitionId', t.id)`, 't')})`;
}

export function transitionEventParams<T extends TransitionEvent>(
  record: TransitionRecord,
  type: T,
  payload: Omit<EventPayloads[T], 'transitionId'>,
): unknown[] {
  return [...transitionParams(record), type, JSON.stringify(payload)];
}

function transitionIdOf(log: TransitionLog, rows: Array<{ id: string }>): string {
  const id = rows[0]?.id;
  if (!id) throw new Error(`${log.table} insert returned no id`);
  return id;
}

/** One recorded transition, whatever its lifecycle. */
export interface TransitionRow<S extends string = string> {
  id: string;
  subjectId: string;
  actorId: string | null;
  from: S | null;
  to: S;
  reason: string | null;
  at: Date;
}

/** Reads one transition of `log` by id; null when there is none. */
export async function findTransition<S extends string>(
  manager: EntityManager,
  log: TransitionLog,
  id: string,
): Promise<TransitionRow<S> | null> {
  // Ids arrive from job payloads and webhooks: a malformed one finds nothing rather than failing the cast.
  if (!/^\d+$/.test(id)) return null;
  const rows = await manager.query<Array<TransitionRow<S>>>(
    `SELECT id::text AS id, ${log.subjectColumn} AS "subjectId", actor_id AS "actorId", from_status AS "from",
            to_status AS "to", reason, at
       FROM ${log.table} WHERE id = $1::bigint`,
    [id],
  );
  return rows[0] ?? null;
}
