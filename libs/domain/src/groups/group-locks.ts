import type { Transaction } from '@app/platform';
import { GROUP_COLUMNS, type MentorshipGroup } from './group.js';

/** Locks a group's row: every change of its seats or status queues here, so capacity holds under races. */
export async function lockGroup(tx: Transaction, id: string): Promise<MentorshipGroup | null> {
  const rows = await tx.manager.query<MentorshipGroup[]>(
    `SELECT ${GROUP_COLUMNS} FROM mentorship_groups g WHERE g.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

/** The caller's current membership of a group, read in the caller's transaction. */
export async function isCurrentMember(tx: Transaction, groupId: string, userId: string): Promise<boolean> {
  const rows = await tx.manager.query<unknown[]>(
    `SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2 AND left_at IS NULL`,
    [groupId, userId],
  );
  return rows.length > 0;
}
