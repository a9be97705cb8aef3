import { DomainError, type TransitionRow } from '@app/platform';
import type { SessionStatus } from './session-lifecycle.js';

/** A session as every reader sees it; participants are in position order, the host first. */
export interface MentoringSession {
  id: string;
  hostId: string;
  mentorshipId: string | null;
  groupId: string | null;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  /** Moves on with every transition; a reminder armed for an older version is stale. */
  version: number;
  rescheduleCount: number;
  agenda: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  lateCancellation: boolean;
  participantIds: string[];
  noShowIds: string[];
  createdAt: Date;
  meetingUrl: string;
}

export type SessionTransition = TransitionRow<SessionStatus>;

export type MentoringSessionRow = Omit<MentoringSession, 'meetingUrl'>;

/** The columns of the sessions row itself, as `s`; a fresh insert answers with these. */
export const SESSION_ROW_COLUMNS = `s.id, s.host_id AS "hostId", s.mentorship_id AS "mentorshipId", s.group_id AS "groupId",
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, s.version, s.reschedule_count AS "rescheduleCount",
  s.agenda, s.cancelled_by AS "cancelledBy", s.cancel_reason AS "cancelReason", s.cancelled_at AS "cancelledAt",
  s.late_cancellation AS "lateCancellation", s.created_at AS "createdAt"`;

export const SESSION_COLUMNS = `${SESSION_ROW_COLUMNS},
  ARRAY(SELECT sp.user_id FROM session_participants sp WHERE sp.session_id = s.id ORDER BY sp.position) AS "participantIds",
  ARRAY(SELECT sp.user_id FROM session_participants sp
         WHERE sp.session_id = s.id AND sp.no_show_reported_by IS NOT NULL ORDER BY sp.position) AS "noShowIds"`;

/**
 * SQL: session `s` counts for mentorship `m`. A one-to-one mentorship's own sessions; for a
 * group member's mentorship with the host, the group's sessions since it started that the
 * member takes part in.
 */
export const SESSION_OF_MENTORSHIP = `(s.mentorship_id = m.id OR (s.group_id = m.group_id AND s.ends_at > m.started_at
  AND EXISTS (SELECT 1 FROM session_participants sp WHERE sp.session_id = s.id AND sp.user_id = m.mentee_id)))`;

/** The session's meeting link from the configured template. */
export function meetingUrlFor(template: string, sessionId: string): string {
  return template.replaceAll('{sessionId}', sessionId);
}

/** A group session is the host's to cancel or move: one member cannot call it off for the others. */
export function assertMayChangeTime(session: { hostId: string; groupId: string | null }, userId: string): void {
  if (session.groupId && session.hostId !== userId) {
    throw DomainError.forbidden('Only the host cancels or moves a group session');
  }
}
