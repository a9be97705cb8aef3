import { Injectable } from '@nestjs/common';
import { assertId, DomainError, parseInput, UnitOfWork, type Transaction } from '@app/platform';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { ProfileStatus } from '../profiles/mentor-profile.entity.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { GroupStatus, type MentorshipGroup } from './group.js';
import { isCurrentMember, lockGroup } from './group-locks.js';
import { GroupStatusService } from './group-status.service.js';
import { groupInputSchema, startsInThePast, type GroupInput, type ValidGroupInput } from './groups.inputs.js';

/** The columns a host writes, on creating and on every edit. */
const EDITABLE = [
  'kind',
  'title',
  'description',
  'industry_slugs',
  'topic_skill_ids',
  'capacity',
  'cadence',
  'channel',
  'starts_on',
  'ends_on',
  'session_length_minutes',
] as const;

/** Hosting a group: creating, editing and closing it; and a member leaving it. */
@Injectable()
export class GroupEditorService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly profiles: MentorProfilesService,
    private readonly taxonomy: TaxonomyService,
    private readonly status: GroupStatusService,
    private readonly mentorships: MentorshipsService,
  ) {}

  /** Only a mentor whose profile is PUBLISHED hosts a group. Returns its id. */
  async create(userId: string, raw: GroupInput): Promise<string> {
    const found = await this.profiles.findByUserId(userId);
    if (found?.status !== ProfileStatus.PUBLISHED) {
      throw DomainError.forbidden('Only a mentor with a published profile can host a group');
    }
    const input = await this.parse(raw);
    if (startsInThePast(input.startsOn)) throw DomainError.badInput('input.startsOn', 'input.startsOn: is in the past');
    return this.uow.run(async (tx) => {
      // Under the profile's lock, so a pause committed meanwhile is seen.
      const profile = await this.profiles.lockForUpdate(tx, found.id);
      if (profile?.status !== ProfileStatus.PUBLISHED) {
        throw DomainError.forbidden('Only a mentor with a published profile can host a group');
      }
      const rows = await tx.manager.query<Array<{ id: string }>>(
        `INSERT INTO mentorship_groups (host_profile_id, host_user_id, ${EDITABLE.join(', ')})
         VALUES ($1, $2, ${EDITABLE.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
        [profile.id, userId, ...(await this.editableValues(tx, input))],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('group insert returned no id');
      await this.status.created(tx, { id, hostProfileId: profile.id }, userId);
      return id;
    });
  }

  /** The host edits every field; capacity never below the members already in, and seats set the status. */
  async update(userId: string, id: string, raw: GroupInput): Promise<string> {
    assertId(id, 'Group');
    const input = await this.parse(raw);
    return this.uow.run(async (tx) => {
      const group = await this.lockAsHost(tx, userId, id);
      if (group.status === GroupStatus.CLOSED) throw DomainError.conflict('This group is closed');
      if (input.capacity < group.memberCount) {
        throw DomainError.badInput(
          'input.capacity',
          `input.capacity: must be at least ${group.memberCount}, the members already in`,
        );
      }
      if (input.kind !== group.kind && group.memberCount > 0) {
        throw DomainError.badInput('input.kind', 'input.kind: cannot change once members have joined');
      }
      if (input.startsOn !== group.startsOn && startsInThePast(input.startsOn)) {
        throw DomainError.badInput('input.startsOn', 'input.startsOn: is in the past');
      }
      await tx.manager.query(
        `UPDATE mentorship_groups SET ${EDITABLE.map((column, i) => `${column} = $${i + 2}`).join(', ')},
                updated_at = now()
          WHERE id = $1`,
        [id, ...(await this.editableValues(tx, input))],
      );
      const seats = this.status.seatsStatus(group.memberCount, input.capacity);
      if (seats !== group.status) await this.status.move(tx, group, seats, userId, 'capacity changed');
      return id;
    });
  }

  /** Closing completes every member's mentorship with the host. */
  async close(userId: string, id: string): Promise<string> {
    assertId(id, 'Group');
    return this.uow.run(async (tx) => {
      const group = await this.lockAsHost(tx, userId, id);
      await this.status.move(tx, group, GroupStatus.CLOSED, userId);
      await this.mentorships.finishGroupMentorships(
        tx,
        id,
        null,
        MentorshipStatus.COMPLETED,
        'the group closed',
        userId,
      );
      return id;
    });
  }

  /** A member gives up their seat, which ends their mentorship with the host; a FULL group opens again. */
  async leave(userId: string, id: string): Promise<string> {
    assertId(id, 'Group');
    return this.uow.run(async (tx) => {
      const group = await lockGroup(tx, id);
      const member = group ? await isCurrentMember(tx, id, userId) : false;
      if (!group || (!member && group.status === GroupStatus.CLOSED && group.hostUserId !== userId)) {
        throw DomainError.notFound('Group');
      }
      if (group.hostUserId === userId) throw DomainError.conflict('The host cannot leave; close the group instead');
      if (!member) throw DomainError.conflict('You are not a member of this group');
      if (group.status === GroupStatus.CLOSED) throw DomainError.conflict('This group is closed');
      await tx.manager.query(
        `UPDATE group_members SET left_at = now() WHERE group_id = $1 AND user_id = $2 AND left_at IS NULL`,
        [id, userId],
      );
      await tx.manager.query(
        `UPDATE mentorship_groups SET member_count = member_count - 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await tx.emit('mentorship_group.membership_changed', { groupId: id, userId, joined: false });
      await this.mentorships.finishGroupMentorships(tx, id, userId, MentorshipStatus.ENDED, 'left the group', userId);
      const seats = this.status.seatsStatus(group.memberCount - 1, group.capacity);
      if (seats !== group.status) await this.status.move(tx, group, seats, userId, 'a member left');
      return id;
    });
  }

  private async parse(raw: GroupInput): Promise<ValidGroupInput> {
    return parseInput(groupInputSchema(await this.taxonomy.industrySlugs()), raw, 'input');
  }

  /** The values of EDITABLE, in its order; topics folded to skills like profile skills. */
  private async editableValues(tx: Transaction, input: ValidGroupInput): Promise<unknown[]> {
    const topicIds = (await this.taxonomy.resolveSkills(tx.manager, input.topics)).map((skill) => skill.id);
    return [
      input.kind,
      input.title,
      input.description,
      input.industries,
      topicIds,
      input.capacity,
      input.cadence,
      input.channel,
      input.startsOn,
      input.endsOn,
      input.sessionLengthMinutes,
    ];
  }

  /** Only the host changes a group; members and passers-by of a listed group are FORBIDDEN, others learn nothing. */
  private async lockAsHost(tx: Transaction, userId: string, id: string): Promise<MentorshipGroup> {
    const group = await lockGroup(tx, id);
    if (!group) throw DomainError.notFound('Group');
    if (group.hostUserId === userId) return group;
    if (group.status !== GroupStatus.CLOSED || (await isCurrentMember(tx, id, userId))) {
      throw DomainError.forbidden('Only the host can change this group');
    }
    throw DomainError.notFound('Group');
  }
}
