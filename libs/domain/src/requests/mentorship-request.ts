import type { TransitionRow } from '@app/platform';
import type { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import type { Cadence, Channel } from '../mentorship-terms/mentorship-terms.js';
import type { DeclineReason, RequestStatus } from './request-terms.js';

export interface MentorshipRequest {
  id: string;
  menteeId: string;
  mentorProfileId: string;
  mentorUserId: string;
  status: RequestStatus;
  motivation: string;
  format: MentorshipFormat;
  cadence: Cadence;
  channel: Channel;
  durationWeeks: number;
  topics: string[];
  confidentialityNote: string | null;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  declineReason: DeclineReason | null;
  responseMessage: string | null;
  /** Set when the request asks to join a group or circle rather than for a one-to-one mentorship. */
  groupId: string | null;
}

export type RequestTransition = TransitionRow<RequestStatus>;

/** A mentor's answering record, from real transitions. */
export interface ResponseStats {
  /** Answered (accepted or declined) over answered plus expired; null until any. */
  responseRate: number | null;
  medianResponseHours: number | null;
}

export const REQUEST_COLUMNS = `r.id, r.mentee_id AS "menteeId", r.mentor_profile_id AS "mentorProfileId",
  r.mentor_user_id AS "mentorUserId", r.status, r.motivation, r.format, r.cadence, r.channel,
  r.duration_weeks AS "durationWeeks", r.topics, r.confidentiality_note AS "confidentialityNote",
  r.created_at AS "createdAt", r.expires_at AS "expiresAt", r.responded_at AS "respondedAt",
  r.decline_reason AS "declineReason", r.response_message AS "responseMessage", r.group_id AS "groupId"`;
