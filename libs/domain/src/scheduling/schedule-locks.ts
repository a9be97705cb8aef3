import type { Transaction } from '@app/platform';

/**
 * Serialises every change to the schedules of these people until the transaction ends:
 * one advisory lock per person, taken in id order so two bookings sharing people never
 * deadlock. Under them, checking a slot and inserting the session cannot interleave with
 * another booking of any of them, so buffers and the weekly cap hold; the exclusion
 * constraint on session_participants still refuses any overlap that got past.
 */
export async function lockSchedules(tx: Transaction, userIds: readonly string[]): Promise<void> {
  await tx.manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('schedule:' || id, 0))
       FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS id ORDER BY id) AS people`,
    [[...userIds]],
  );
}
