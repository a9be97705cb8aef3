import { Injectable } from '@nestjs/common';
import {
  assertId,
  DomainError,
  isUniqueViolation,
  keysetPage,
  parseInput,
  UnitOfWork,
  type Page,
  type PageArgs,
} from '@app/platform';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import type { User } from '../accounts/user.entity.js';
import { ORGANIZATION_COLUMNS, PROGRAM_COLUMNS, type Organization, type Program } from './program.js';
import { organizationSchema, type OrganizationInput } from './programs.inputs.js';

/**
 * Who belongs to an organisation: its admins, and everyone enrolled in one of its programs.
 * Anyone else learns nothing of it.
 */
export const ORGANIZATION_MEMBER = `(EXISTS (SELECT 1 FROM organization_admins a WHERE a.organization_id = o.id AND a.user_id = $USER)
  OR EXISTS (SELECT 1 FROM enrollments e JOIN programs ep ON ep.id = e.program_id
              WHERE ep.organization_id = o.id AND e.user_id = $USER))`;

function memberOf(param: string): string {
  return ORGANIZATION_MEMBER.replaceAll('$USER', param);
}

/** Organisations and their admins. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsService,
  ) {}

  /** The creator becomes the first admin, in the same transaction. */
  async create(userId: string, raw: OrganizationInput): Promise<Organization> {
    const input = parseInput(organizationSchema, raw, 'input');
    try {
      return await this.uow.run(async (tx) => {
        const rows = await tx.manager.query<Organization[]>(
          `INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING ${ORGANIZATION_COLUMNS.replaceAll('o.', '')}`,
          [input.name, input.slug],
        );
        const organization = rows[0];
        await tx.manager.query(
          `INSERT INTO organization_admins (organization_id, user_id, added_by) VALUES ($1, $2, $2)`,
          [organization.id, userId],
        );
        return organization;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_slug_key')) {
        throw DomainError.conflict('That slug is taken', { field: 'input.slug' });
      }
      throw error;
    }
  }

  /** An admin adds another admin by email; adding one twice changes nothing. */
  async addAdmin(userId: string, organizationId: string, email: string): Promise<Organization> {
    const organization = await this.findForAdmin(userId, organizationId);
    const user = await this.accounts.findByEmail(email.trim());
    if (!user) throw DomainError.badInput('email', 'No account has this email');
    await this.db.query(
      `INSERT INTO organization_admins (organization_id, user_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [organization.id, user.id, userId],
    );
    return organization;
  }

  async findBySlugForMember(userId: string, slug: string): Promise<Organization> {
    const rows = await this.db.query<Organization[]>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.slug = $1 AND ${memberOf('$2')}`,
      [slug, userId],
    );
    if (!rows[0]) throw DomainError.notFound('Organization');
    return rows[0];
  }

  /** Members are told FORBIDDEN, everyone else NOT_FOUND. */
  async findForAdmin(userId: string, organizationId: string): Promise<Organization> {
    assertId(organizationId, 'Organization');
    const rows = await this.db.query<Array<Organization & { admin: boolean }>>(
      `SELECT ${ORGANIZATION_COLUMNS},
              EXISTS (SELECT 1 FROM organization_admins a WHERE a.organization_id = o.id AND a.user_id = $2) AS admin
         FROM organizations o WHERE o.id = $1 AND ${memberOf('$2')}`,
      [organizationId, userId],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Organization');
    if (!row.admin) throw DomainError.forbidden('Only an admin of this organisation may do this');
    const { admin: _admin, ...organization } = row;
    return organization;
  }

  async findById(id: string): Promise<Organization | null> {
    const rows = await this.db.query<Organization[]>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async admins(organizationId: string): Promise<User[]> {
    const rows = await this.db.query<Array<{ userId: string }>>(
      `SELECT user_id AS "userId" FROM organization_admins WHERE organization_id = $1 ORDER BY created_at, user_id`,
      [organizationId],
    );
    const users = await this.accounts.findByIds(rows.map((row) => row.userId));
    return users.filter((user): user is User => user !== null);
  }

  /** Admins see every program; other members those past their draft. */
  programs(userId: string, organizationId: string, args: PageArgs): Promise<Page<Program>> {
    return keysetPage<Program>(this.db, {
      columns: PROGRAM_COLUMNS,
      from: 'programs p',
      where: `p.organization_id = $1 AND (p.status <> 'DRAFT'
        OR EXISTS (SELECT 1 FROM organization_admins a WHERE a.organization_id = p.organization_id AND a.user_id = $2))`,
      params: [organizationId, userId],
      sortColumn: 'p.created_at',
      idColumn: 'p.id',
      args,
    });
  }
}
