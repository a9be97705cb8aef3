import type { DataSource } from 'typeorm';

/** Moves a session by `hours` in the database, its participants' busy ranges with it: time travel for the row, not the clock. */
export async function shiftSession(db: DataSource, id: string, hours: number): Promise<void> {
  await db.query(
    `WITH s AS (UPDATE sessions SET starts_at = starts_at + $2 * interval '1 hour',
                  ends_at = ends_at + $2 * interval '1 hour' WHERE id = $1 RETURNING starts_at, ends_at)
     UPDATE session_participants SET during = tstzrange(s.starts_at, s.ends_at) FROM s WHERE session_id = $1`,
    [id, hours],
  );
}
