import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, type Transaction } from '@app/platform';
import { GroupStatus, type AcceptedJoin, type MentorshipGroup } from './group.js';
import { isCurrentMember, lockGroup } from './group-locks.js';
import { GroupStatusService } from './group-status.service.js';

/** What a join request names: the group, and the host and format the mentee wrote beside it. */
export interface JoinAsk {
  groupId: string;
  menteeId: string;
  mentorProfileId: string;
  format: string;
}

/**
 * Seats, for the requests context: whether a mentee may ask to join, and taking a seat
 * when the host accepts. A seat is only ever taken under the group's row lock.
 */
@Injectable()
export class GroupMembershipService {
  constructor(private readonly status: GroupStatusService) {}

  /** Checked when the request is sent, in its transaction; accepting checks the seats again under the lock. */
  async assertJoinable(tx: Transaction, ask: JoinAsk): Promise<MentorshipGroup> {
    const group = isUuid(ask.groupId) ? await lockGroup(tx, ask.groupId) : null;
    const member = group ? await isCurrentMember(tx, group.id, ask.menteeId) : false;
    if (!group || (group.status === GroupStatus.CLOSED && !member)) throw DomainError.notFound('Group');
    if (group.hostProfileId !== ask.mentorProfileId) {
      throw DomainError.badInput('input.mentorId', "input.mentorId: must be the group's host");
    }
    if (group.kind !== ask.format) {
      throw DomainError.badInput('input.format', `input.format: must be ${group.kind}, the group's kind`);
    }
    if (member) throw DomainError.conflict('You are already a member of this group');
    if (group.status !== GroupStatus.OPEN) throw DomainError.conflict(`This group is ${group.status}`);
    return group;
  }

  /**
   * Locks a group for its host to book a session, and returns its current members: no one
   * joins or leaves until the booking commits. Members and passers-by of a listed group are
   * FORBIDDEN; a closed group is over.
   */
  async lockRosterForHost(
    tx: Transaction,
    groupId: string,
    hostUserId: string,
  ): Promise<{ group: MentorshipGroup; memberIds: string[] }> {
    const group = isUuid(groupId) ? await lockGroup(tx, groupId) : null;
    if (!group) throw DomainError.notFound('Group');
    if (group.hostUserId !== hostUserId) {
      if (group.status === GroupStatus.CLOSED && !(await isCurrentMember(tx, group.id, hostUserId))) {
        throw DomainError.notFound('Group');
      }
      throw DomainError.forbidden('Only the host books sessions for this group');
    }
    if (group.status === GroupStatus.CLOSED) throw DomainError.conflict('This group is closed');
    const rows = await tx.manager.query<Array<{ userId: string }>>(
      `SELECT user_id AS "userId" FROM group_members WHERE group_id = $1 AND left_at IS NULL ORDER BY joined_at, id`,
      [group.id],
    );
    return { group, memberIds: rows.map((row) => row.userId) };
  }

  /** Whether the person is a current member, read in the caller's transaction. */
  isMember(tx: Transaction, groupId: string, userId: string): Promise<boolean> {
    return isCurrentMember(tx, groupId, userId);
  }

  /** The host accepted: the mentee takes a seat, and the last seat makes the group FULL. */
  async addMember(tx: Transaction, join: AcceptedJoin, actorId: string): Promise<void> {
    const group = await lockGroup(tx, join.groupId);
    if (!group) throw DomainError.notFound('Group');
    if (group.status === GroupStatus.CLOSED) throw DomainError.conflict('This group is closed');
    if (group.status === GroupStatus.FULL) {
      throw DomainError.conflict('This group has no free seat', { reason: 'GROUP_FULL' });
    }
    if (await isCurrentMember(tx, group.id, join.menteeId)) {
      throw DomainError.conflict('This mentee is already a member of the group');
    }
    await tx.manager.query(`INSERT INTO group_members (group_id, user_id, request_id) VALUES ($1, $2, $3)`, [
      group.id,
      join.menteeId,
      join.requestId,
    ]);
    await tx.manager.query(
      `UPDATE mentorship_groups SET member_count = member_count + 1, updated_at = now() WHERE id = $1`,
      [group.id],
    );
    await tx.emit('mentorship_group.membership_changed', { groupId: group.id, userId: join.menteeId, joined: true });
    if (this.status.seatsStatus(group.memberCount + 1, group.capacity) === GroupStatus.FULL) {
      await this.status.move(tx, group, GroupStatus.FULL, actorId, 'the last seat was taken');
    }
  }
}
