import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { UserRole } from './user-role.js';

/**
 * Roles are read from the database on every privileged call, never carried in a token:
 * a revoked admin loses the power with their next request.
 */
@Injectable()
export class AccountRolesService {
  constructor(private readonly db: DataSource) {}

  async assertAdmin(userId: string): Promise<void> {
    const rows = await this.db.query<Array<{ role: UserRole }>>(`SELECT role FROM users WHERE id = $1`, [userId]);
    if (rows[0]?.role !== UserRole.ADMIN) throw DomainError.forbidden('Only administrators may do this');
  }

  /** Sets the role of the account with this email; false when there is no such account. */
  async setRole(email: string, role: UserRole): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE users SET role = $2, updated_at = now() WHERE email = $1`,
      [email.trim(), role],
    );
    return affected > 0;
  }
}
