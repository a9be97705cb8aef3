import type { TransitionRow } from '@app/platform';
import type { Cadence, Channel } from '../mentorship-terms/mentorship-terms.js';

/** A GROUP is led by its host; a CIRCLE is a peer group the host facilitates. */
export const GroupKind = { GROUP: 'GROUP', CIRCLE: 'CIRCLE' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];

export const GroupStatus = { OPEN: 'OPEN', FULL: 'FULL', CLOSED: 'CLOSED' } as const;
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus];

export interface MentorshipGroup {
  id: string;
  hostProfileId: string;
  hostUserId: string;
  kind: GroupKind;
  status: GroupStatus;
  title: string;
  description: string;
  industrySlugs: string[];
  topicSkillIds: string[];
  capacity: number;
  memberCount: number;
  cadence: Cadence;
  channel: Channel;
  /** ISO calendar dates. */
  startsOn: string;
  endsOn: string;
  sessionLengthMinutes: number;
  createdAt: Date;
  closedAt: Date | null;
}

export type GroupTransition = TransitionRow<GroupStatus>;

/** What a join request carries into the group it asks for, once the host accepts it. */
export interface AcceptedJoin {
  requestId: string;
  groupId: string;
  menteeId: string;
}

export const GROUP_COLUMNS = `g.id, g.host_profile_id AS "hostProfileId", g.host_user_id AS "hostUserId", g.kind,
  g.status, g.title, g.description, g.industry_slugs AS "industrySlugs", g.topic_skill_ids AS "topicSkillIds",
  g.capacity, g.member_count AS "memberCount", g.cadence, g.channel,
  to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
  g.session_length_minutes AS "sessionLengthMinutes", g.created_at AS "createdAt", g.closed_at AS "closedAt"`;
