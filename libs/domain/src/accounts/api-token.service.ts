import { Injectable } from '@nestjs/common';
import { assertId, DomainError, parseInput } from '@app/platform';
import { DataSource, IsNull } from 'typeorm';
import { z } from 'zod';
import { ALL_SCOPES, ApiScope } from './api-scope.js';
import { ApiToken } from './api-token.entity.js';
import type { Principal } from './principal.js';
import { hashSecret, newSecret } from './secrets.js';

export const API_TOKEN_PREFIX = 'mbt_';
const MAX_TOKENS_PER_USER = 50;
// Writing last_used_at on every request would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

const createSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  scopes: z
    .array(z.enum(ALL_SCOPES as [ApiScope, ...ApiScope[]]))
    .min(1, 'must name at least one scope')
    // A mutation returns the caller's private records, so writing implies reading them.
    .refine(
      (scopes) => !scopes.includes(ApiScope.WRITE) || scopes.includes(ApiScope.READ_PRIVATE),
      'WRITE needs READ_PRIVATE too: mutations return your private data',
    )
    .transform((scopes) => [...new Set(scopes)]),
});

/** A token must not mint tokens: a WRITE-only token could grant itself READ_PRIVATE. */
function assertSession(principal: Principal): void {
  if (principal.via !== 'session') throw DomainError.forbidden('API tokens are managed from a signed-in session');
}

@Injectable()
export class ApiTokenService {
  constructor(private readonly db: DataSource) {}

  /** Creates a token; its secret is returned here once and stored only as a hash. */
  async create(owner: Principal, name: string, scopes: ApiScope[]): Promise<{ token: ApiToken; secret: string }> {
    assertSession(owner);
    const userId = owner.userId;
    const input = parseInput(createSchema, { name, scopes }, '');
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
        }),
      );
      return { token, secret };
    });
  }

  async revoke(owner: Principal, id: string): Promise<boolean> {
    assertSession(owner);
    const userId = owner.userId;
    assertId(id, 'API token');
    const result = await this.db
      .getRepository(ApiToken)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw DomainError.notFound('API token');
    return true;
  }

  async authenticate(secret: string): Promise<Principal | null> {
    const repo = this.db.getRepository(ApiToken);
    const token = await repo.findOneBy({ secretHash: hashSecret(secret), revokedAt: IsNull() });
    if (!token) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await repo.update({ id: token.id }, { lastUsedAt: new Date() });
    }
    return { userId: token.userId, via: 'api-token', scopes: new Set(token.scopes) };
  }
}
