import { assertId, DomainError } from '@app/platform';
import type { EntityManager } from 'typeorm';
import { PROGRAM_COLUMNS, ProgramAccess, type ProgramView } from './program.js';

/**
 * Reads a program as the viewer may see it: admins of its organisation fully, its
 * organisation's members and its enrolled users without the admin fields, anyone else
 * not at all (NOT_FOUND). `lock` takes the program row for the caller's transaction.
 */
export async function programFor(
  manager: EntityManager,
  userId: string,
  programId: string,
  options: { lock?: boolean } = {},
): Promise<ProgramView> {
  assertId(programId, 'Program');
  const rows = await manager.query<Array<ProgramView & { admin: boolean; member: boolean }>>(
    `SELECT ${PROGRAM_COLUMNS},
            EXISTS (SELECT 1 FROM organization_admins a WHERE a.organization_id = p.organization_id AND a.user_id = $2) AS admin,
            EXISTS (SELECT 1 FROM enrollments e JOIN programs ep ON ep.id = e.program_id
                     WHERE ep.organization_id = p.organization_id AND e.user_id = $2) AS member
       FROM programs p WHERE p.id = $1 ${options.lock ? 'FOR UPDATE OF p' : ''}`,
    [programId, userId],
  );
  const row = rows[0];
  if (!row || (!row.admin && !row.member)) throw DomainError.notFound('Program');
  const { admin, member: _member, ...program } = row;
  return { ...program, access: admin ? ProgramAccess.ADMIN : ProgramAccess.MEMBER };
}

/** Admin fields and admin mutations: a member who is not an admin is FORBIDDEN. */
export function assertProgramAdmin(program: ProgramView): void {
  if (program.access !== ProgramAccess.ADMIN) throw DomainError.forbidden('Only an admin of this program may do this');
}

export async function adminProgram(
  manager: EntityManager,
  userId: string,
  programId: string,
  options: { lock?: boolean } = {},
): Promise<ProgramView> {
  const program = await programFor(manager, userId, programId, options);
  assertProgramAdmin(program);
  return program;
}
