import { Injectable } from '@nestjs/common';
import { assertId, DomainError, keysetPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { assertProgramAdmin, programFor } from './program-access.js';
import {
  ENROLLMENT_COLUMNS,
  ProgramAccess,
  type Enrollment,
  type MatchingRound,
  type MatchingRoundStatus,
  type ProgramRole,
  type ProgramView,
} from './program.js';

interface RoundRow {
  id: string;
  programId: string;
  status: MatchingRoundStatus;
  createdAt: Date;
}

interface ProposalRow {
  roundId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string | null;
  score: number;
  reasons: string[];
}

export interface PublishedMatch {
  mentorshipId: string;
  programName: string;
  menteeId: string;
  mentorUserId: string;
  score: number;
  reasons: string[];
}

export interface RunningProgramAdmins {
  programId: string;
  programName: string;
  adminIds: string[];
}

/** Reads of programs, enrolments and rounds, each as the viewer may see them. */
@Injectable()
export class ProgramQueriesService {
  constructor(
    private readonly db: DataSource,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  program(userId: string, programId: string): Promise<ProgramView> {
    return programFor(this.db.manager, userId, programId);
  }

  /** Admins only: the secret people enrol with; null while the program is a draft. */
  async inviteCode(userId: string, programId: string): Promise<string | null> {
    const program = await this.program(userId, programId);
    assertProgramAdmin(program);
    return program.inviteCode;
  }

  /** Admins only: a program's enrolments, newest first. */
  async enrollments(
    userId: string,
    programId: string,
    role: ProgramRole | null,
    args: PageArgs,
  ): Promise<Page<Enrollment>> {
    assertProgramAdmin(await this.program(userId, programId));
    return keysetPage<Enrollment>(this.db, {
      columns: ENROLLMENT_COLUMNS,
      from: 'enrollments e',
      where: `e.program_id = $1 AND ($2::text IS NULL OR e.role = $2)`,
      params: [programId, role],
      sortColumn: 'e.created_at',
      idColumn: 'e.id',
      args,
    });
  }

  /** One's own enrolment in a program. */
  async ownEnrollment(userId: string, enrollmentId: string): Promise<Enrollment> {
    const rows = await this.db.query<Enrollment[]>(
      `SELECT ${ENROLLMENT_COLUMNS} FROM enrollments e WHERE e.id = $1 AND e.user_id = $2`,
      [enrollmentId, userId],
    );
    if (!rows[0]) throw DomainError.notFound('Enrollment');
    return rows[0];
  }

  /** Admins only: every round of a program, oldest first. */
  async rounds(userId: string, programId: string): Promise<MatchingRound[]> {
    assertProgramAdmin(await this.program(userId, programId));
    const rounds = await this.db.query<RoundRow[]>(
      `SELECT id, program_id AS "programId", status, created_at AS "createdAt" FROM matching_rounds
        WHERE program_id = $1 ORDER BY created_at, id`,
      [programId],
    );
    return this.withProposals(rounds);
  }

  /** Admins only: one round with its proposals. */
  async round(userId: string, roundId: string): Promise<MatchingRound> {
    assertId(roundId, 'Matching round');
    const rounds = await this.db.query<RoundRow[]>(
      `SELECT id, program_id AS "programId", status, created_at AS "createdAt" FROM matching_rounds WHERE id = $1`,
      [roundId],
    );
    const round = rounds[0];
    if (!round) throw DomainError.notFound('Matching round');
    assertProgramAdmin(await this.program(userId, round.programId));
    const [withProposals] = await this.withProposals([round]);
    return withProposals;
  }

  /** For webhooks: a PUBLISHED round of the program and the admins of its organisation; null otherwise. */
  async publishedRound(
    programId: string,
    roundId: string,
  ): Promise<{ adminIds: string[]; round: MatchingRound } | null> {
    const rounds = await this.db.query<RoundRow[]>(
      `SELECT id, program_id AS "programId", status, created_at AS "createdAt" FROM matching_rounds
        WHERE id = $1 AND program_id = $2 AND status = 'PUBLISHED'`,
      [roundId, programId],
    );
    if (!rounds[0]) return null;
    const [[round], admins] = await Promise.all([
      this.withProposals(rounds),
      this.db.query<Array<{ userId: string }>>(
        `SELECT a.user_id AS "userId" FROM organization_admins a JOIN programs p ON p.organization_id = a.organization_id
          WHERE p.id = $1`,
        [programId],
      ),
    ]);
    return { adminIds: admins.map((admin) => admin.userId), round };
  }

  /** Every RUNNING program with the current admins of its organisation: who hears the weekly digest. */
  runningWithAdmins(): Promise<RunningProgramAdmins[]> {
    return this.db.query<RunningProgramAdmins[]>(
      `SELECT p.id AS "programId", p.name AS "programName", array_agg(a.user_id ORDER BY a.user_id) AS "adminIds"
         FROM programs p JOIN organization_admins a ON a.organization_id = p.organization_id
        WHERE p.status = 'RUNNING'
        GROUP BY p.id ORDER BY p.id`,
    );
  }

  /** Passes for an admin of the program's organisation; anyone else is told it does not exist (NOT_FOUND). */
  async assertAdminOrNotFound(userId: string, programId: string): Promise<void> {
    const program = await this.program(userId, programId);
    if (program.access !== ProgramAccess.ADMIN) throw DomainError.notFound('Program');
  }

  /** What both sides of a published pair are told; null when the round or mentorship is gone. */
  async publishedMatch(roundId: string, mentorshipId: string): Promise<PublishedMatch | null> {
    const mentorship = await this.mentorships.findById(mentorshipId);
    if (!mentorship?.programId) return null;
    const rows = await this.db.query<Array<{ programName: string; score: number; reasons: string[] }>>(
      `SELECT p.name AS "programName", mp.score, mp.reasons
         FROM match_proposals mp
         JOIN enrollments e ON e.id = mp.mentee_enrollment_id
         JOIN programs p ON p.id = e.program_id
        WHERE mp.round_id = $1 AND e.program_id = $2 AND e.user_id = $3`,
      [roundId, mentorship.programId, mentorship.menteeId],
    );
    const proposal = rows[0];
    if (!proposal) return null;
    return { mentorshipId, menteeId: mentorship.menteeId, mentorUserId: mentorship.mentorUserId, ...proposal };
  }

  private async withProposals(rounds: RoundRow[]): Promise<MatchingRound[]> {
    if (rounds.length === 0) return [];
    const ids = rounds.map((round) => round.id);
    const [proposals, enrollments] = await Promise.all([
      this.db.query<ProposalRow[]>(
        `SELECT round_id AS "roundId", mentee_enrollment_id AS "menteeEnrollmentId",
                mentor_enrollment_id AS "mentorEnrollmentId", score, reasons
           FROM match_proposals WHERE round_id = ANY($1::uuid[]) ORDER BY score DESC, mentee_enrollment_id`,
        [ids],
      ),
      this.db.query<Enrollment[]>(
        `SELECT ${ENROLLMENT_COLUMNS} FROM enrollments e WHERE e.id IN (
           SELECT mentee_enrollment_id FROM match_proposals WHERE round_id = ANY($1::uuid[])
           UNION SELECT mentor_enrollment_id FROM match_proposals WHERE round_id = ANY($1::uuid[]))`,
        [ids],
      ),
    ]);
    const byId = new Map(enrollments.map((enrollment) => [enrollment.id, enrollment]));
    return rounds.map((round) => {
      const own = proposals.filter((proposal) => proposal.roundId === round.id);
      const matched = own.filter((proposal) => proposal.mentorEnrollmentId !== null);
      return {
        ...round,
        proposals: matched.map((proposal) => ({
          mentor: byId.get(proposal.mentorEnrollmentId!)!,
          mentee: byId.get(proposal.menteeEnrollmentId)!,
          score: proposal.score,
          reasons: proposal.reasons,
        })),
        unmatchedMentees: own
          .filter((proposal) => proposal.mentorEnrollmentId === null)
          .map((proposal) => byId.get(proposal.menteeEnrollmentId)!),
        totalScore: matched.reduce((sum, proposal) => sum + proposal.score, 0),
      };
    });
  }
}
