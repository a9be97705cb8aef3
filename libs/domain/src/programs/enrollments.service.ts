import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertId, DomainError, isUniqueViolation, parseInput, UnitOfWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { OPEN_PROGRAM_STATUSES, type ProgramStatus } from './program-lifecycle.js';
import { enrollmentSchema, type EnrollmentInput } from './programs.inputs.js';

function sameCode(given: string, expected: string | null): boolean {
  if (expected === null) return false;
  const a = Buffer.from(given.trim().toUpperCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** People join a program with its invite code and leave it by withdrawing. */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async enroll(userId: string, raw: EnrollmentInput): Promise<string> {
    const input = parseInput(enrollmentSchema(await this.taxonomy.industrySlugs()), raw, 'input');
    assertId(input.programId, 'Program');
    try {
      return await this.uow.run(async (tx) => {
        const rows = await tx.manager.query<Array<{ status: ProgramStatus; inviteCode: string | null }>>(
          `SELECT status, invite_code AS "inviteCode" FROM programs WHERE id = $1 FOR SHARE`,
          [input.programId],
        );
        const program = rows[0];
        // A wrong code tells a stranger nothing, not even that the program exists.
        if (!program || !sameCode(input.inviteCode, program.inviteCode)) throw DomainError.notFound('Program');
        if (!OPEN_PROGRAM_STATUSES.includes(program.status)) {
          throw DomainError.conflict(`This program is ${program.status} and takes no enrolments`);
        }
        const skills = await this.taxonomy.resolveSkills(tx.manager, input.skills);
        const inserted = await tx.manager.query<Array<{ id: string }>>(
          `INSERT INTO enrollments (program_id, user_id, role, goals, skill_ids, industry_slugs, communication_style,
                                    languages, time_zone, hours_per_month)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            input.programId,
            userId,
            input.role,
            input.goals,
            skills.map((skill) => skill.id),
            input.industries,
            input.communicationStyle,
            input.languages,
            input.timeZone,
            input.hoursPerMonth,
          ],
        );
        return inserted[0].id;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'enrollments_one_per_user')) {
        throw DomainError.conflict('You are already enrolled in this program');
      }
      throw error;
    }
  }

  /** Leaving is final; a mentorship already made carries on. */
  async withdraw(userId: string, programId: string): Promise<string> {
    assertId(programId, 'Program');
    const [rows] = await this.db.query<[Array<{ id: string }>, number]>(
      `UPDATE enrollments SET withdrawn_at = now() WHERE program_id = $1 AND user_id = $2 AND withdrawn_at IS NULL
       RETURNING id`,
      [programId, userId],
    );
    if (rows[0]) return rows[0].id;
    const existing = await this.db.query<unknown[]>(
      `SELECT 1 FROM enrollments WHERE program_id = $1 AND user_id = $2`,
      [programId, userId],
    );
    if (existing.length > 0) throw DomainError.conflict('You already withdrew from this program');
    throw DomainError.notFound('Enrollment');
  }
}
