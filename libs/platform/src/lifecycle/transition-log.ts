import type { EntityManager } from 'typeorm';

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

/** Appends one transition (actor, time, from, to, reason) inside the caller's transaction; returns its id. */
export async function recordTransition(
  manager: EntityManager,
  log: TransitionLog,
  record: TransitionRecord,
): Promise<string> {
  const rows = await manager.query<Array<{ id: string }>>(
    `INSERT INTO ${log.table} (${log.subjectColumn}, actor_id, from_status, to_status, reason)
     VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [record.subjectId, record.actorId, record.from, record.to, record.reason ?? null],
  );
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
  const rows = await manager.query<Array<TransitionRow<S>>>(
    `SELECT id::text AS id, ${log.subjectColumn} AS "subjectId", actor_id AS "actorId", from_status AS "from",
            to_status AS "to", reason, at
       FROM ${log.table} WHERE id = $1::bigint`,
    [id],
  );
  return rows[0] ?? null;
}
