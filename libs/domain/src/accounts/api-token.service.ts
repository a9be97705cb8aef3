import { Injectable } from '@nestjs/common';
import { assertId, DomainError, keysetPage, parseInput, type Page, type PageArgs } from '@app/platform';
import { DataSource, IsNull } from 'typeorm';
import { z } from 'zod';
import { ALL_SCOPES, ApiScope, impliedScopes } from './api-scope.js';
import { ApiToken } from './api-token.entity.js';
import { assertSignedInSession, privateReaderId, type Principal } from './principal.js';
import { hashSecret, newSecret } from './secrets.js';

export const API_TOKEN_PREFIX = 'mbt_';
const MAX_TOKENS_PER_USER = 50;
// Writing last_used_at on every request would turn reads into writes.
const LAST_USED_RESOLUTION_SECONDS = 60;

const createSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  scopes: z
    .array(z.enum(ALL_SCOPES as [ApiScope, ...ApiScope[]]))
    .min(1, 'must name at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be between 1 and 365')
    .max(365, 'must be between 1 and 365')
    .nullish(),
});

export type ApiTokenView = Pick<ApiToken, 'id' | 'name' | 'scopes' | 'createdAt' | 'lastUsedAt' | 'expiresAt'>;

@Injectable()
export class ApiTokenService {
  constructor(private readonly db: DataSource) {}

  /** Creates a token; its secret is returned here once and stored only as a hash. */
  async create(
    owner: Principal,
    name: string,
    scopes: ApiScope[],
    expiresInDays?: number | null,
  ): Promise<{ token: ApiToken; secret: string }> {
    assertSignedInSession(owner, 'Managing API tokens');
    const userId = owner.userId;
    const input = parseInput(createSchema, { name, scopes, expiresInDays }, '');
    return this.db.transaction(async (manager) => {
      // One creation per user at a time, so parallel creates cannot all pass the cap.
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`, [userId]);
      const repo = manager.getRepository(ApiToken);
      const active = await repo.countBy({ userId, revokedAt: IsNull() });
      if (active >= MAX_TOKENS_PER_USER) {
        throw DomainError.conflict(`At most ${MAX_TOKENS_PER_USER} API tokens; revoke one first`);
      }
      const secret = newSecret(API_TOKEN_PREFIX);
      const token = await repo.save(
        repo.create({
          userId,
          name: input.name,
          scopes: input.scopes,
          secretHash: hashSecret(secret),
          lastUsedAt: null,
          expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
        }),
      );
      return { token, secret };
    });
  }

  async revoke(owner: Principal, id: string): Promise<boolean> {
    assertSignedInSession(owner, 'Managing API tokens');
    const userId = owner.userId;
    assertId(id, 'API token');
    const result = await this.db
      .getRepository(ApiToken)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw DomainError.notFound('API token');
    return true;
  }

  /** A user's unrevoked tokens, newest first, expired ones included; never their secrets, and only to that user. */
  list(viewer: Principal | null, userId: string, args: PageArgs): Promise<Page<ApiTokenView>> {
    if (privateReaderId(viewer) !== userId) throw DomainError.notFound('API tokens');
    return keysetPage<ApiTokenView>(this.db, {
      columns: `id, name, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt"`,
      from: 'api_tokens',
      where: 'user_id = $1 AND revoked_at IS NULL',
      params: [userId],
      sortColumn: 'created_at',
      idColumn: 'id',
      args,
    });
  }

  async authenticate(secret: string): Promise<Principal | null> {
    const rows = await this.db.query<Array<{ id: string; userId: string; scopes: ApiScope[]; stale: boolean }>>(
      `SELECT id, user_id AS "userId", scopes,
              last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2) AS stale
         FROM api_tokens
        WHERE secret_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [hashSecret(secret), LAST_USED_RESOLUTION_SECONDS],
    );
    const token = rows[0];
    if (!token) return null;
    if (token.stale) {
      // Conditional again, so a burst of parallel requests writes the row once.
      await this.db.query(
        `UPDATE api_tokens SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [token.id, LAST_USED_RESOLUTION_SECONDS],
      );
    }
    return { userId: token.userId, via: 'api-token', scopes: impliedScopes(token.scopes) };
  }
}
