import { Injectable } from '@nestjs/common';
import {
  assertId,
  DomainError,
  isUniqueViolation,
  UnitOfWork,
  utcOffsetMinutes,
  type Transaction,
} from '@app/platform';
import type { EntityManager } from 'typeorm';
import type { Cadence } from '../mentorship-terms/mentorship-terms.js';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { compatibility, foldGoal, type MatchIntake } from './matching/compatibility.js';
import { optimalAssignment } from './matching/assignment.js';
import { scoreMatrix } from './matching/score-matrix.js';
import { adminProgram } from './program-access.js';
import { OPEN_PROGRAM_STATUSES } from './program-lifecycle.js';
import { ENROLLMENT_COLUMNS, MatchingRoundStatus, ProgramRole, type Enrollment, type ProgramView } from './program.js';
import { ProgramsService } from './programs.service.js';

interface Candidate extends Enrollment {
  /** Program mentorships so far: a mentor's active ones (places used), a mentee's one match. */
  matched: number;
}

/** A program mentorship's terms follow the program: its format, a cadence from its check-in rhythm. */
function programCadence(checkInEveryDays: number): Cadence {
  if (checkInEveryDays <= 7) return 'WEEKLY';
  if (checkInEveryDays <= 14) return 'BIWEEKLY';
  return 'MONTHLY';
}

/** Matching rounds: proposed by the optimal assignment, adjusted by admins, published as mentorships. */
@Injectable()
export class MatchingRoundsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly taxonomy: TaxonomyService,
    private readonly programs: ProgramsService,
    private readonly profiles: MentorProfilesService,
    private readonly mentorships: MentorshipsService,
  ) {}

  /**
   * Proposes the pairs with the greatest total score: every mentee not yet matched in this
   * program, every mentor with places left. Writes only the round and its proposals.
   */
  async run(userId: string, programId: string): Promise<string> {
    return this.uow.run(async (tx) => {
      const program = await adminProgram(tx.manager, userId, programId, { lock: true });
      if (!OPEN_PROGRAM_STATUSES.includes(program.status)) {
        throw DomainError.conflict(`This program is ${program.status}; rounds run while it enrols or runs`);
      }
      const candidates = await this.candidates(tx.manager, program);
      const mentors = candidates.filter(
        (c) => c.role === ProgramRole.MENTOR && c.matched < program.maxMenteesPerMentor,
      );
      const mentees = candidates.filter((c) => c.role === ProgramRole.MENTEE && c.matched === 0);
      const now = new Date();
      const assignment = optimalAssignment(
        scoreMatrix(
          mentors.map((mentor) => ({
            ...intake(mentor, now),
            freePlaces: program.maxMenteesPerMentor - mentor.matched,
          })),
          mentees.map((mentee) => intake(mentee, now)),
        ),
      );
      const names = await this.skillNames(tx.manager, candidates);
      const rows = mentees.map((mentee, index) => {
        const mentor = mentors[assignment.mentorOf[index]];
        const fit = mentor ? compatibility(intake(mentor, now), intake(mentee, now), names) : null;
        return { mentee: mentee.id, mentor: mentor?.id ?? null, score: fit?.score ?? 0, reasons: fit?.reasons ?? [] };
      });
      const round = await tx.manager.query<Array<{ id: string }>>(
        `INSERT INTO matching_rounds (program_id, created_by) VALUES ($1, $2) RETURNING id`,
        [program.id, userId],
      );
      const roundId = round[0].id;
      await tx.manager.query(
        `INSERT INTO match_proposals (round_id, mentee_enrollment_id, mentor_enrollment_id, score, reasons)
         SELECT $1, mentee, mentor, score, ARRAY(SELECT jsonb_array_elements_text(reasons))
           FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::jsonb[]) AS t(mentee, mentor, score, reasons)`,
        [
          roundId,
          rows.map((row) => row.mentee),
          rows.map((row) => row.mentor),
          rows.map((row) => row.score),
          rows.map((row) => JSON.stringify(row.reasons)),
        ],
      );
      return roundId;
    });
  }

  /**
   * An admin moves one mentee to another mentor, or leaves them unmatched. The round row
   * is locked, so parallel moves onto one mentor queue and capacity holds.
   */
  async adjust(userId: string, roundId: string, menteeEnrollmentId: string, mentorEnrollmentId: string | null) {
    assertId(roundId, 'Matching round');
    assertId(menteeEnrollmentId, 'Mentee enrollment');
    if (mentorEnrollmentId !== null) assertId(mentorEnrollmentId, 'Mentor enrollment');
    return this.uow.run(async (tx) => {
      const program = await this.lockProposedRound(tx, userId, roundId);
      const proposal = await tx.manager.query<unknown[]>(
        `SELECT 1 FROM match_proposals WHERE round_id = $1 AND mentee_enrollment_id = $2`,
        [roundId, menteeEnrollmentId],
      );
      if (proposal.length === 0) throw DomainError.notFound('Mentee enrollment');
      let fit = { score: 0, reasons: [] as string[] };
      if (mentorEnrollmentId !== null) {
        const candidates = await this.candidates(tx.manager, program, [menteeEnrollmentId, mentorEnrollmentId]);
        const mentor = candidates.find((c) => c.id === mentorEnrollmentId && c.role === ProgramRole.MENTOR);
        const mentee = candidates.find((c) => c.id === menteeEnrollmentId);
        if (!mentor) throw DomainError.notFound('Mentor enrollment');
        if (!mentee) throw DomainError.conflict('This mentee has withdrawn from the program');
        const now = new Date();
        const scored = compatibility(
          intake(mentor, now),
          intake(mentee, now),
          await this.skillNames(tx.manager, candidates),
        );
        if (!scored) {
          throw DomainError.badInput(
            'mentorEnrollmentId',
            'mentorEnrollmentId: this mentor shares no language with the mentee',
          );
        }
        const [{ taken }] = await tx.manager.query<Array<{ taken: number }>>(
          `SELECT count(*)::int AS taken FROM match_proposals
            WHERE round_id = $1 AND mentor_enrollment_id = $2 AND mentee_enrollment_id <> $3`,
          [roundId, mentorEnrollmentId, menteeEnrollmentId],
        );
        if (taken + mentor.matched >= program.maxMenteesPerMentor) {
          throw DomainError.conflict('This mentor has no place left in the program', { reason: 'MENTOR_AT_CAPACITY' });
        }
        fit = scored;
      }
      await tx.manager.query(
        `UPDATE match_proposals SET mentor_enrollment_id = $3, score = $4, reasons = $5
          WHERE round_id = $1 AND mentee_enrollment_id = $2`,
        [roundId, menteeEnrollmentId, mentorEnrollmentId, fit.score, fit.reasons],
      );
      return roundId;
    });
  }

  /**
   * Makes every proposed pair a mentorship in one transaction, with its events; a mentor
   * without a profile gets an unlisted one. Publishing again is CONFLICT, and so is a round
   * someone else's round or a withdrawal has overtaken.
   */
  async publish(userId: string, roundId: string): Promise<string> {
    assertId(roundId, 'Matching round');
    try {
      return await this.uow.run(async (tx) => {
        const program = await this.lockProposedRound(tx, userId, roundId);
        const pairs = await tx.manager.query<Array<{ mentee: string; mentor: string }>>(
          `SELECT mentee_enrollment_id AS mentee, mentor_enrollment_id AS mentor FROM match_proposals
            WHERE round_id = $1 AND mentor_enrollment_id IS NOT NULL ORDER BY mentor_enrollment_id, mentee_enrollment_id`,
          [roundId],
        );
        const candidates = await this.candidates(
          tx.manager,
          program,
          pairs.flatMap((pair) => [pair.mentee, pair.mentor]),
        );
        const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
        const load = new Map<string, number>();
        for (const pair of pairs) {
          const mentee = byId.get(pair.mentee);
          const mentor = byId.get(pair.mentor);
          if (!mentee || !mentor || mentee.matched > 0) {
            throw DomainError.conflict('Someone in this round withdrew or was matched since; run a new round');
          }
          load.set(mentor.id, (load.get(mentor.id) ?? mentor.matched) + 1);
          if (load.get(mentor.id)! > program.maxMenteesPerMentor) {
            throw DomainError.conflict('A mentor in this round has no place left; run a new round');
          }
        }
        const format = program.formats.includes(MentorshipFormat.ONE_ON_ONE)
          ? MentorshipFormat.ONE_ON_ONE
          : program.formats[0];
        const profileOf = new Map<string, string>();
        for (const pair of pairs) {
          const mentor = byId.get(pair.mentor)!;
          const mentee = byId.get(pair.mentee)!;
          let profileId = profileOf.get(mentor.id);
          if (!profileId) {
            profileId = await this.profiles.ensureForProgramMentor(tx, {
              userId: mentor.userId,
              programName: program.name,
              goals: mentor.goals,
              industries: mentor.industries,
              skillIds: mentor.skillIds,
              languages: mentor.languages,
              timeZone: mentor.timeZone,
              formats: program.formats,
              maxMentees: program.maxMenteesPerMentor,
            });
            profileOf.set(mentor.id, profileId);
          }
          const mentorshipId = await this.mentorships.startFromProgram(
            tx,
            {
              programId: program.id,
              menteeId: mentee.userId,
              menteeEnrollmentId: mentee.id,
              mentorUserId: mentor.userId,
              mentorEnrollmentId: mentor.id,
              mentorProfileId: profileId,
              format,
              cadence: programCadence(program.checkInEveryDays),
              channel: 'VIDEO',
              endsOn: program.endsOn,
              goals: mentee.goals,
            },
            userId,
          );
          await tx.emit('program_match.published', { roundId, mentorshipId });
        }
        await tx.manager.query(`UPDATE matching_rounds SET status = $2, published_at = now() WHERE id = $1`, [
          roundId,
          MatchingRoundStatus.PUBLISHED,
        ]);
        await tx.emit('program_round.published', { programId: program.id, roundId });
        await this.programs.startIfEnrolling(tx, program, userId);
        return roundId;
      });
    } catch (error) {
      // The two already have an active mentorship of their own.
      if (isUniqueViolation(error, 'mentorships_one_active_idx')) {
        throw DomainError.conflict('A pair in this round already works together; adjust the round first');
      }
      throw error;
    }
  }

  /** Locks the program, then the round (the order runs and publishes share); admins only. */
  private async lockProposedRound(tx: Transaction, userId: string, roundId: string): Promise<ProgramView> {
    const owner = await tx.manager.query<Array<{ programId: string }>>(
      `SELECT program_id AS "programId" FROM matching_rounds WHERE id = $1`,
      [roundId],
    );
    if (!owner[0]) throw DomainError.notFound('Matching round');
    const program = await adminProgram(tx.manager, userId, owner[0].programId, { lock: true });
    const rounds = await tx.manager.query<Array<{ status: MatchingRoundStatus }>>(
      `SELECT status FROM matching_rounds WHERE id = $1 FOR UPDATE`,
      [roundId],
    );
    if (rounds[0]?.status !== MatchingRoundStatus.PROPOSED) {
      throw DomainError.conflict('This round is already published', { status: rounds[0]?.status });
    }
    return program;
  }

  /**
   * Enrolments still in the program (all, or the ids given). `matched` counts a mentor's
   * active program mentorships and a mentee's one match, whatever became of it.
   */
  private async candidates(
    manager: EntityManager,
    program: ProgramView,
    ids?: readonly string[],
  ): Promise<Candidate[]> {
    const enrollments = await manager.query<Enrollment[]>(
      `SELECT ${ENROLLMENT_COLUMNS} FROM enrollments e
        WHERE e.program_id = $1 AND e.withdrawn_at IS NULL AND ($2::uuid[] IS NULL OR e.id = ANY($2::uuid[]))
        ORDER BY e.created_at, e.id`,
      [program.id, ids ?? null],
    );
    const matched = await this.mentorships.programMatchCounts(
      enrollments.map((enrollment) => enrollment.id),
      manager,
    );
    return enrollments.map((enrollment, index) => ({ ...enrollment, matched: matched[index] ?? 0 }));
  }

  private async skillNames(manager: EntityManager, candidates: readonly Candidate[]): Promise<(id: string) => string> {
    const ids = [...new Set(candidates.flatMap((candidate) => candidate.skillIds))];
    const skills = await this.taxonomy.findSkills(ids, manager);
    const byId = new Map(skills.filter((skill) => skill !== null).map((skill) => [skill.id, skill.name]));
    return (id) => byId.get(id) ?? id;
  }
}

function intake(enrollment: Enrollment, at: Date): MatchIntake {
  return {
    goals: enrollment.goals.map(foldGoal),
    goalLabels: enrollment.goals,
    skills: enrollment.skillIds,
    industries: enrollment.industries,
    communicationStyle: enrollment.communicationStyle,
    languages: enrollment.languages,
    utcOffsetMinutes: utcOffsetMinutes(enrollment.timeZone, at),
    hoursPerMonth: enrollment.hoursPerMonth,
  };
}
