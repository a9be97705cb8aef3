import type { TransitionRow } from '@app/platform';
import type { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import type { Cadence, Channel } from '../mentorship-terms/mentorship-terms.js';
import type { MentorshipStatus } from './mentorship-lifecycle.js';

export interface Mentorship {
  id: string;
  /** null for a mentorship a program's matching round made. */
  requestId: string | null;
  programId: string | null;
  /** Set when the mentorship is a member's place in a group or circle (an accepted join request). */
  groupId: string | null;
  menteeId: string;
  mentorProfileId: string;
  mentorUserId: string;
  status: MentorshipStatus;
  format: MentorshipFormat;
  cadence: Cadence;
  channel: Channel;
  startedAt: Date;
  /** ISO calendar date. */
  endsOn: string;
  endedAt: Date | null;
  endReason: string | null;
}

/** What a mentorship needs of the request it starts from: the accepted terms and who agreed to them. */
export interface AcceptedRequest {
  id: string;
  menteeId: string;
  mentorProfileId: string;
  mentorUserId: string;
  format: MentorshipFormat;
  cadence: Cadence;
  channel: Channel;
  durationWeeks: number;
}

/** What a mentorship needs of a published program match. */
export interface ProgramMatch {
  programId: string;
  menteeId: string;
  menteeEnrollmentId: string;
  mentorUserId: string;
  mentorEnrollmentId: string;
  mentorProfileId: string;
  format: MentorshipFormat;
  cadence: Cadence;
  channel: Channel;
  /** ISO calendar date: the program's end. */
  endsOn: string;
  /** The mentee's enrolment goals, which the mentorship tracks. */
  goals: readonly string[];
}

export type MentorshipTransition = TransitionRow<MentorshipStatus>;

export const MENTORSHIP_COLUMNS = `m.id, m.request_id AS "requestId", m.program_id AS "programId", m.group_id AS "groupId",
  m.mentee_id AS "menteeId",
  m.mentor_profile_id AS "mentorProfileId", m.mentor_user_id AS "mentorUserId", m.status, m.format, m.cadence,
  m.channel, m.started_at AS "startedAt", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn", m.ended_at AS "endedAt",
  m.end_reason AS "endReason"`;
