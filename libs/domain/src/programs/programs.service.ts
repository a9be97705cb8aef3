import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, parseInput, recordTransitionEvent, UnitOfWork, type Transaction } from '@app/platform';
import type { z } from 'zod';
import { OrganizationsService } from './organizations.service.js';
import { adminProgram } from './program-access.js';
import { programLifecycle, programTransitions, ProgramStatus } from './program-lifecycle.js';
import type { ProgramView } from './program.js';
import { programSchema, type ProgramInput } from './programs.inputs.js';

/** An invite code people type or paste: 10 bytes, base32-ish, no look-alike characters. */
function newInviteCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** The editable columns, in the order both the insert and the update list them. */
function programFields(input: z.output<typeof programSchema>): unknown[] {
  return [
    input.name,
    input.description,
    input.goals,
    input.formats,
    input.startsOn,
    input.endsOn,
    input.maxMenteesPerMentor,
    input.checkInEveryDays,
  ];
}

/** Programs as their organisation's admins shape them, and their status lifecycle. */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(userId: string, raw: ProgramInput): Promise<string> {
    const input = parseInput(programSchema, raw, 'input');
    await this.organizations.findForAdmin(userId, input.organizationId);
    return this.uow.run(async (tx) => {
      const rows = await tx.manager.query<Array<{ id: string }>>(
        `INSERT INTO programs (organization_id, name, description, goals, formats, starts_on, ends_on,
                               max_mentees_per_mentor, check_in_every_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [input.organizationId, ...programFields(input)],
      );
      const id = rows[0].id;
      await this.record(tx, id, userId, null, ProgramStatus.DRAFT);
      return id;
    });
  }

  /** The organisation of a program never changes; the input must name the one it has. */
  async update(userId: string, programId: string, raw: ProgramInput): Promise<string> {
    const input = parseInput(programSchema, raw, 'input');
    return this.uow.run(async (tx) => {
      const program = await adminProgram(tx.manager, userId, programId, { lock: true });
      if (input.organizationId.toLowerCase() !== program.organizationId) {
        throw DomainError.badInput('input.organizationId', 'input.organizationId: a program cannot move organisation');
      }
      await tx.manager.query(
        `UPDATE programs SET name = $2, description = $3, goals = $4, formats = $5, starts_on = $6, ends_on = $7,
                max_mentees_per_mentor = $8, check_in_every_days = $9, updated_at = now() WHERE id = $1`,
        [program.id, ...programFields(input)],
      );
      return program.id;
    });
  }

  /** DRAFT to ENROLLING, with the secret invite code people enrol with. */
  openEnrollment(userId: string, programId: string): Promise<string> {
    return this.move(userId, programId, ProgramStatus.ENROLLING);
  }

  close(userId: string, programId: string): Promise<string> {
    return this.move(userId, programId, ProgramStatus.CLOSED);
  }

  /** The first published round starts the program; later ones leave it running. */
  async startIfEnrolling(tx: Transaction, program: ProgramView, actorId: string): Promise<void> {
    if (program.status !== ProgramStatus.ENROLLING) return;
    await tx.manager.query(`UPDATE programs SET status = $2, updated_at = now() WHERE id = $1`, [
      program.id,
      ProgramStatus.RUNNING,
    ]);
    await this.record(tx, program.id, actorId, program.status, ProgramStatus.RUNNING);
  }

  private move(userId: string, programId: string, to: ProgramStatus): Promise<string> {
    return this.uow.run(async (tx) => {
      const program = await adminProgram(tx.manager, userId, programId, { lock: true });
      programLifecycle.assertCanMove(program.status, to);
      await tx.manager.query(
        `UPDATE programs SET status = $2, invite_code = COALESCE(invite_code, $3), updated_at = now() WHERE id = $1`,
        [program.id, to, newInviteCode()],
      );
      await this.record(tx, program.id, userId, program.status, to);
      return program.id;
    });
  }

  private async record(
    tx: Transaction,
    programId: string,
    actorId: string,
    from: ProgramStatus | null,
    to: ProgramStatus,
  ): Promise<void> {
    if (from !== null) programLifecycle.assertCanMove(from, to);
    await recordTransitionEvent(
      tx,
      programTransitions,
      { subjectId: programId, actorId, from, to },
      'program.transitioned',
      { programId },
    );
  }
}
