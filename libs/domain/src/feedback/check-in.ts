export interface CheckIn {
  id: string;
  sessionId: string;
  authorId: string;
  usefulness: number;
  note: string | null;
  nextSteps: string | null;
  createdAt: Date;
}

export const CHECK_IN_COLUMNS = `c.id, c.session_id AS "sessionId", c.author_id AS "authorId", c.usefulness, c.note,
  c.next_steps AS "nextSteps", c.created_at AS "createdAt"`;

/**
 * Of one session's check-ins, those a participant may read: the others' only once the
 * viewer has checked in too, so nobody answers in reaction.
 */
export function checkInsVisibleTo(checkIns: readonly CheckIn[], viewerId: string): CheckIn[] {
  return checkIns.some((checkIn) => checkIn.authorId === viewerId) ? [...checkIns] : [];
}
