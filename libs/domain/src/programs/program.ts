import type { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import type { ProgramStatus } from './program-lifecycle.js';

export const ProgramRole = { MENTOR: 'MENTOR', MENTEE: 'MENTEE' } as const;
export type ProgramRole = (typeof ProgramRole)[keyof typeof ProgramRole];

export const CommunicationStyle = {
  DIRECT: 'DIRECT',
  SUPPORTIVE: 'SUPPORTIVE',
  SOCRATIC: 'SOCRATIC',
  HANDS_ON: 'HANDS_ON',
} as const;
export type CommunicationStyle = (typeof CommunicationStyle)[keyof typeof CommunicationStyle];

export const MatchingRoundStatus = { PROPOSED: 'PROPOSED', PUBLISHED: 'PUBLISHED' } as const;
export type MatchingRoundStatus = (typeof MatchingRoundStatus)[keyof typeof MatchingRoundStatus];

export interface Organization {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

/** What the viewer may see of a program: members read it, only admins its admin fields. */
export const ProgramAccess = { ADMIN: 'ADMIN', MEMBER: 'MEMBER' } as const;
export type ProgramAccess = (typeof ProgramAccess)[keyof typeof ProgramAccess];

export interface Program {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  goals: string[];
  formats: MentorshipFormat[];
  status: ProgramStatus;
  /** ISO calendar dates. */
  startsOn: string;
  endsOn: string;
  maxMenteesPerMentor: number;
  checkInEveryDays: number;
  inviteCode: string | null;
  createdAt: Date;
}

export interface ProgramView extends Program {
  access: ProgramAccess;
}

export interface Enrollment {
  id: string;
  programId: string;
  userId: string;
  role: ProgramRole;
  goals: string[];
  skillIds: string[];
  industries: string[];
  communicationStyle: CommunicationStyle;
  languages: string[];
  timeZone: string;
  hoursPerMonth: number;
  createdAt: Date;
  withdrawnAt: Date | null;
}

export interface MatchProposal {
  mentor: Enrollment;
  mentee: Enrollment;
  score: number;
  reasons: string[];
}

export interface MatchingRound {
  id: string;
  programId: string;
  status: MatchingRoundStatus;
  createdAt: Date;
  proposals: MatchProposal[];
  unmatchedMentees: Enrollment[];
  totalScore: number;
}

export const ORGANIZATION_COLUMNS = `o.id, o.name, o.slug, o.created_at AS "createdAt"`;

export const PROGRAM_COLUMNS = `p.id, p.organization_id AS "organizationId", p.name, p.description, p.goals, p.formats,
  p.status, to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn",
  p.max_mentees_per_mentor AS "maxMenteesPerMentor", p.check_in_every_days AS "checkInEveryDays",
  p.invite_code AS "inviteCode", p.created_at AS "createdAt"`;

export const ENROLLMENT_COLUMNS = `e.id, e.program_id AS "programId", e.user_id AS "userId", e.role, e.goals,
  e.skill_ids::text[] AS "skillIds", e.industry_slugs AS industries, e.communication_style AS "communicationStyle",
  e.languages, e.time_zone AS "timeZone", e.hours_per_month AS "hoursPerMonth", e.created_at AS "createdAt",
  e.withdrawn_at AS "withdrawnAt"`;
