import { Injectable } from '@nestjs/common';
import { recordTransitionEvent, type Transaction } from '@app/platform';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { GroupStatus, type MentorshipGroup } from './group.js';
import { groupLifecycle, groupTransitions } from './group-lifecycle.js';

/**
 * Every status change of a group, inside the caller's transaction: checked against the
 * lifecycle table, written with its audit row and outbox event. Search shows hosts of OPEN
 * groups under the GROUP and CIRCLE formats, so each change also gives the host's profile
 * a new version for the indexer.
 */
@Injectable()
export class GroupStatusService {
  constructor(private readonly profiles: MentorProfilesService) {}

  async created(tx: Transaction, group: Pick<MentorshipGroup, 'id' | 'hostProfileId'>, actorId: string): Promise<void> {
    await this.record(tx, group, actorId, null, GroupStatus.OPEN, null);
  }

  async move(
    tx: Transaction,
    group: Pick<MentorshipGroup, 'id' | 'hostProfileId' | 'status'>,
    to: GroupStatus,
    actorId: string | null,
    reason: string | null = null,
  ): Promise<void> {
    groupLifecycle.assertCanMove(group.status, to);
    await tx.manager.query(
      `UPDATE mentorship_groups SET status = $2, updated_at = now(),
              closed_at = CASE WHEN $2 = 'CLOSED' THEN now() ELSE closed_at END
        WHERE id = $1`,
      [group.id, to],
    );
    await this.record(tx, group, actorId, group.status, to, reason);
  }

  /** The status the seats call for: FULL exactly when every seat is taken. */
  seatsStatus(memberCount: number, capacity: number): GroupStatus {
    return memberCount >= capacity ? GroupStatus.FULL : GroupStatus.OPEN;
  }

  private async record(
    tx: Transaction,
    group: Pick<MentorshipGroup, 'id' | 'hostProfileId'>,
    actorId: string | null,
    from: GroupStatus | null,
    to: GroupStatus,
    reason: string | null,
  ): Promise<void> {
    await recordTransitionEvent(
      tx,
      groupTransitions,
      { subjectId: group.id, actorId, from, to, reason },
      'mentorship_group.transitioned',
      { groupId: group.id },
    );
    await this.profiles.bumpVersion(tx, group.hostProfileId);
  }
}
