import { Injectable } from '@nestjs/common';
import { assertId, DomainError, isUniqueViolation, isUuid, parseInput, UnitOfWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { SessionStatus } from '../scheduling/session-lifecycle.js';
import { SessionQueriesService } from '../scheduling/session-queries.service.js';
import { CHECK_IN_COLUMNS, type CheckIn } from './check-in.js';
import { checkInSchema, type CheckInInput } from './check-in.inputs.js';

const ONE_PER_AUTHOR_INDEX = 'check_ins_one_per_author_idx';

const notTheMentee = () =>
  DomainError.badInput('input.goalProgress', 'Only the mentee of a mentorship reports goal progress');

/** Check-ins after held sessions: how useful it was, a shared note, next steps and, for the mentee, goal progress. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionQueriesService,
    private readonly mentorships: MentorshipsService,
  ) {}

  /** Once per participant per COMPLETED session; the mentee's goal progress moves in the same transaction. */
  async submit(authorId: string, raw: CheckInInput): Promise<CheckIn> {
    const input = parseInput(checkInSchema, raw, 'input');
    const sessionId = assertId(input.sessionId, 'Session');
    // Read before the transaction: COMPLETED is a final state, so it cannot change under us.
    const session = await this.sessions.findForParticipant(authorId, sessionId);
    if (session.status !== SessionStatus.COMPLETED) {
      throw DomainError.conflict('You can check in once the session is completed');
    }
    const goals = input.goalProgress ?? [];
    if (goals.length > 0 && session.hostId === authorId) throw notTheMentee();
    try {
      return await this.uow.run(async (tx) => {
        if (goals.length > 0) {
          // A group session's member reports on their own mentorship with the host.
          const mentorshipId =
            session.mentorshipId ??
            (session.groupId ? await this.mentorships.activeGroupMentorshipId(tx, session.groupId, authorId) : null);
          if (!mentorshipId) throw notTheMentee();
          for (const goal of goals) {
            await this.mentorships.recordGoalProgress(
              tx,
              authorId,
              mentorshipId,
              goal.goalId,
              goal.progress,
              'from a check-in',
            );
          }
        }
        const [created] = await tx.manager.query<CheckIn[]>(
          `INSERT INTO check_ins AS c (session_id, author_id, usefulness, note, next_steps)
           VALUES ($1, $2, $3, $4, $5) RETURNING ${CHECK_IN_COLUMNS}`,
          [sessionId, authorId, input.usefulness, input.note || null, input.nextSteps || null],
        );
        if (!created) throw new Error('check-in insert returned no id');
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_PER_AUTHOR_INDEX)) {
        throw DomainError.conflict('You already checked in for this session');
      }
      throw error;
    }
  }

  /** For DataLoaders: every check-in of each session, in the order asked; callers pick what a viewer may read. */
  async bySessionIds(sessionIds: readonly string[]): Promise<CheckIn[][]> {
    const rows = await this.db.query<CheckIn[]>(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins c WHERE c.session_id = ANY($1::uuid[]) ORDER BY c.created_at`,
      [sessionIds.filter(isUuid)],
    );
    return sessionIds.map((id) => rows.filter((row) => row.sessionId === id));
  }
}
