import { Injectable } from '@nestjs/common';
import { DomainError, parseInput, UnitOfWork, type Transaction } from '@app/platform';
import { GroupMembershipService } from '../groups/group-membership.service.js';
import { lockSchedules } from './schedule-locks.js';
import { bookGroupSessionSchema, type BookGroupSessionInput } from './session.inputs.js';
import { SessionQueriesService } from './session-queries.service.js';
import { insertSession, participantBusy, refusingOverlaps } from './session-writes.js';
import type { MentoringSession } from './session.js';
import { SlotsService } from './slots.service.js';

/**
 * Group and circle sessions: one session whose participants are the host and every member,
 * under the same slots and the same exclusion constraint as one-to-one sessions. Members
 * who join later take their place in the group's future sessions where they are free; those
 * who leave give up their place in them.
 */
@Injectable()
export class GroupSessionBookingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly groups: GroupMembershipService,
    private readonly slots: SlotsService,
    private readonly queries: SessionQueriesService,
  ) {}

  /** The host books at a time availableSlots offers; any member busy then makes it CONFLICT, naming them. */
  async book(userId: string, raw: BookGroupSessionInput): Promise<MentoringSession> {
    const input = parseInput(bookGroupSessionSchema, raw, 'input');
    const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
    const row = await refusingOverlaps(() =>
      this.uow.run(async (tx) => {
        // The roster is locked first, so no one joins or leaves between reading it and booking them.
        const { group, memberIds } = await this.groups.lockRosterForHost(tx, input.groupId, userId);
        if (input.durationMinutes !== group.sessionLengthMinutes) {
          throw DomainError.badInput(
            'input.durationMinutes',
            `input.durationMinutes: this group meets for ${group.sessionLengthMinutes} minutes`,
          );
        }
        const participants = [userId, ...memberIds];
        await lockSchedules(tx, participants);
        await this.slots.assertOffered(tx, {
          hostId: userId,
          otherIds: [],
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          excludeSessionId: null,
        });
        const busy = await busyAmong(tx, memberIds, input.startsAt, endsAt);
        if (busy.length > 0) throw participantBusy(busy);
        return insertSession(tx, {
          hostId: userId,
          mentorshipId: null,
          groupId: group.id,
          participantIds: participants,
          startsAt: input.startsAt,
          endsAt,
          agenda: input.agenda || null,
          actorId: userId,
        });
      }),
    );
    return this.queries.view(row);
  }

  /**
   * Brings one person's place in a group's future sessions in line with their membership:
   * a member is added to each SCHEDULED session still ahead where they are free (skipping the
   * ones they are busy for), a former member is taken out of them. Safe to run any number of times.
   */
  async syncMember(groupId: string, userId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await lockSchedules(tx, [userId]);
      if (!(await this.groups.isMember(tx, groupId, userId))) {
        await tx.manager.query(
          `DELETE FROM session_participants p USING sessions s
            WHERE p.session_id = s.id AND s.group_id = $1 AND p.user_id = $2 AND s.host_id <> $2
              AND s.status = 'SCHEDULED' AND s.starts_at > now()`,
          [groupId, userId],
        );
        return;
      }
      // Each session row is locked, so a reschedule of it waits (and then moves this range too).
      const ahead = await tx.manager.query<Array<{ id: string; startsAt: Date; endsAt: Date }>>(
        `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt" FROM sessions s
          WHERE s.group_id = $1 AND s.status = 'SCHEDULED' AND s.starts_at > now()
            AND NOT EXISTS (SELECT 1 FROM session_participants p WHERE p.session_id = s.id AND p.user_id = $2)
          ORDER BY s.starts_at FOR UPDATE OF s`,
        [groupId, userId],
      );
      for (const session of ahead) {
        if ((await busyAmong(tx, [userId], session.startsAt, session.endsAt)).length > 0) continue;
        await tx.manager.query(
          `INSERT INTO session_participants (session_id, user_id, position, during)
           SELECT $1, $2, max(position) + 1, tstzrange($3, $4) FROM session_participants WHERE session_id = $1`,
          [session.id, userId, session.startsAt, session.endsAt],
        );
      }
    });
  }
}

/** The people among `userIds` with a live session overlapping the range, read under their schedule locks. */
async function busyAmong(tx: Transaction, userIds: readonly string[], startsAt: Date, endsAt: Date): Promise<string[]> {
  const rows = await tx.manager.query<Array<{ userId: string }>>(
    `SELECT DISTINCT user_id AS "userId" FROM session_participants
      WHERE active AND user_id = ANY($1::uuid[]) AND during && tstzrange($2, $3) ORDER BY 1`,
    [[...userIds], startsAt, endsAt],
  );
  return rows.map((row) => row.userId);
}
