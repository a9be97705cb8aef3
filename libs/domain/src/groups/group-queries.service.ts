import { Injectable } from '@nestjs/common';
import {
  assertId,
  DomainError,
  findTransition,
  isUuid,
  keysetPage,
  parseInput,
  type Page,
  type PageArgs,
} from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { GROUP_COLUMNS, GroupStatus, type GroupKind, type GroupTransition, type MentorshipGroup } from './group.js';
import { groupTransitions } from './group-lifecycle.js';
import { groupFilterSchema, type GroupFilterInput } from './groups.inputs.js';

/** Who may see what of a group: its page is public while it takes or holds members; its roster is not. */
@Injectable()
export class GroupQueriesService {
  constructor(
    private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** A group as `viewerId` may see it: OPEN and FULL to anyone, CLOSED to its host and members. */
  async findVisible(viewerId: string | null, id: string): Promise<MentorshipGroup | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<MentorshipGroup[]>(
      `SELECT ${GROUP_COLUMNS} FROM mentorship_groups g
        WHERE g.id = $1
          AND (g.status <> 'CLOSED' OR g.host_user_id = $2
               OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = $2 AND m.left_at IS NULL))`,
      [id, viewerId],
    );
    return rows[0] ?? null;
  }

  async findVisibleOrFail(viewerId: string | null, id: string): Promise<MentorshipGroup> {
    assertId(id, 'Group');
    const group = await this.findVisible(viewerId, id);
    if (!group) throw DomainError.notFound('Group');
    return group;
  }

  /** Listed groups, newest first: OPEN ones (and FULL ones too unless openOnly) of published hosts. */
  async list(raw: GroupFilterInput | null | undefined, args: PageArgs): Promise<Page<MentorshipGroup>> {
    const filter = parseInput(groupFilterSchema(await this.taxonomy.industrySlugs()), raw, 'filter');
    const params: unknown[] = [filter.openOnly ? [GroupStatus.OPEN] : [GroupStatus.OPEN, GroupStatus.FULL]];
    const where = [`g.status = ANY($1::text[])`, `p.status = 'PUBLISHED'`];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.kinds.length > 0) add((n) => `g.kind = ANY($${n}::text[])`, filter.kinds);
    if (filter.industries.length > 0) add((n) => `g.industry_slugs && $${n}::text[]`, filter.industries);
    if (filter.topics.length > 0) {
      const ids = await this.taxonomy.findSkillIdsByNames(filter.topics);
      // Every topic asked for must be one of the group's; a topic no one ever named matches nothing.
      if (ids.some((skillId) => skillId === null)) where.push('false');
      else add((n) => `g.topic_skill_ids @> $${n}::uuid[]`, ids);
    }
    if (filter.query.length > 0) add((n) => `g.search_vector @@ websearch_to_tsquery('english', $${n})`, filter.query);
    return keysetPage<MentorshipGroup>(this.db, {
      columns: GROUP_COLUMNS,
      from: 'mentorship_groups g JOIN mentor_profiles p ON p.id = g.host_profile_id',
      where: where.join(' AND '),
      params,
      sortColumn: 'g.created_at',
      idColumn: 'g.id',
      args,
    });
  }

  /** For DataLoaders: each profile's OPEN and FULL groups, newest first. */
  async listedByHostProfileIds(profileIds: readonly string[]): Promise<MentorshipGroup[][]> {
    const rows = await this.db.query<MentorshipGroup[]>(
      `SELECT ${GROUP_COLUMNS} FROM mentorship_groups g
        WHERE g.host_profile_id = ANY($1::uuid[]) AND g.status IN ('OPEN', 'FULL')
        ORDER BY g.created_at DESC, g.id DESC`,
      [profileIds.filter(isUuid)],
    );
    return profileIds.map((id) => rows.filter((group) => group.hostProfileId === id));
  }

  /** For DataLoaders: groups by id, in the order asked, null where missing. */
  async findByIds(ids: readonly string[]): Promise<Array<MentorshipGroup | null>> {
    const rows = await this.db.query<MentorshipGroup[]>(
      `SELECT ${GROUP_COLUMNS} FROM mentorship_groups g WHERE g.id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: each group's current members' user ids, in joining order. */
  async memberIdsByGroupIds(groupIds: readonly string[]): Promise<string[][]> {
    const rows = await this.db.query<Array<{ groupId: string; userId: string }>>(
      `SELECT group_id AS "groupId", user_id AS "userId" FROM group_members
        WHERE group_id = ANY($1::uuid[]) AND left_at IS NULL ORDER BY joined_at, id`,
      [groupIds.filter(isUuid)],
    );
    return groupIds.map((id) => rows.filter((row) => row.groupId === id).map((row) => row.userId));
  }

  /** Search's view: the kinds of OPEN group each profile hosts, so GROUP and CIRCLE are facets of hosts. */
  async openKindsByHost(
    profileIds: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<GroupKind[][]> {
    const rows = await manager.query<Array<{ profileId: string; kinds: GroupKind[] }>>(
      `SELECT host_profile_id AS "profileId", array_agg(DISTINCT kind ORDER BY kind) AS kinds
         FROM mentorship_groups WHERE host_profile_id = ANY($1::uuid[]) AND status = 'OPEN'
        GROUP BY host_profile_id`,
      [profileIds.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.profileId, row.kinds]));
    return profileIds.map((id) => byId.get(id) ?? []);
  }

  findTransition(id: string): Promise<GroupTransition | null> {
    return findTransition<GroupStatus>(this.db.manager, groupTransitions, id);
  }
}
