import { UserRole, type AccountRolesService } from '@app/domain';

export const ADMIN_USAGE = 'usage: npm run admin -- grant <email> | revoke <email>';

/** Runs `grant <email>` or `revoke <email>`; returns the line to print and the exit code. */
export async function runAdminCommand(
  args: readonly string[],
  roles: Pick<AccountRolesService, 'setRole'>,
): Promise<{ code: number; message: string }> {
  const [command, email, ...rest] = args;
  if ((command !== 'grant' && command !== 'revoke') || !email || rest.length > 0) {
    return { code: 2, message: ADMIN_USAGE };
  }
  const role = command === 'grant' ? UserRole.ADMIN : UserRole.MEMBER;
  if (!(await roles.setRole(email, role))) return { code: 1, message: `No account has the email ${email}` };
  return { code: 0, message: `${email} is now ${role}` };
}
