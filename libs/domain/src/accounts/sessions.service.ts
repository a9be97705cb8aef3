import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, isUuid, UnitOfWork, type Config } from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessTokenService, type AccessClaims } from './access-token.service.js';
import { assertSignedInSession, type Principal } from './principal.js';
import { RefreshToken } from './refresh-token.entity.js';
import { hashSecret, newSecret } from './secrets.js';
import { User } from './user.entity.js';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

/**
 * Sign-in sessions. A session is one row in `auth_sessions`: its refresh tokens rotate
 * inside it and every access token names it, so ending the row refuses both at once,
 * including access tokens issued a moment before (no clock comparison involved).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly accessTokens: AccessTokenService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A new session for a user who just proved who they are, inside the caller's transaction. */
  async start(manager: EntityManager, user: User): Promise<Session> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`,
      [user.id],
    );
    const sessionId = rows[0]?.id;
    if (!sessionId) throw new Error('session insert returned no id');
    return this.issue(manager, user, sessionId);
  }

  /**
   * Rotates a refresh token. A token that was already used means someone replayed
   * it: the whole session ends and both holders must sign in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.uow.run(async ({ manager }) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: hashSecret(refreshToken) })
        .getOne();
      if (!token || token.expiresAt.getTime() <= Date.now()) return 'invalid' as const;
      // An ending that commits while this runs is not missed: what is issued here names
      // the session, and every later use checks it.
      if (!(await this.isLive(manager, token.sessionId, token.userId))) return 'invalid' as const;
      if (token.usedAt) {
        await this.end(manager, `id = $1`, [token.sessionId]);
        return 'reused' as const;
      }
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      const user = await manager.findOneByOrFail(User, { id: token.userId });
      return this.issue(manager, user, token.sessionId);
    });
    if (outcome === 'invalid') throw DomainError.unauthenticated('Refresh token is invalid or expired');
    if (outcome === 'reused') throw DomainError.unauthenticated('Refresh token was already used; sign in again');
    return outcome;
  }

  /** Ends the session the refresh token belongs to; false when it had already ended or is unknown. */
  async signOut(refreshToken: string): Promise<boolean> {
    return this.uow.run(async ({ manager }) => {
      const ended = await this.end(manager, `id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`, [
        hashSecret(refreshToken),
      ]);
      return ended > 0;
    });
  }

  /** Ends every session of the caller: their refresh tokens and access tokens stop working now. */
  async signOutEverywhere(principal: Principal): Promise<boolean> {
    assertSignedInSession(principal, 'Signing out everywhere');
    await this.uow.run(({ manager }) => this.endAll(manager, principal.userId));
    return true;
  }

  endAll(manager: EntityManager, userId: string): Promise<number> {
    return this.end(manager, `user_id = $1`, [userId]);
  }

  /** Whether an access token's session is still live: one primary-key lookup per request. */
  isCurrent(claims: AccessClaims): Promise<boolean> {
    return this.isLive(this.db.manager, claims.sessionId, claims.userId);
  }

  private async isLive(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    if (!isUuid(sessionId)) return false;
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM auth_sessions WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  /** Ends the live sessions matching `where`; returns how many. */
  private async end(manager: EntityManager, where: string, params: unknown[]): Promise<number> {
    const rows = await manager.query<Array<{ ended: number }>>(
      `WITH ended AS (
         UPDATE auth_sessions SET ended_at = now() WHERE ${where} AND ended_at IS NULL RETURNING 1
       ) SELECT count(*)::int AS ended FROM ended`,
      params,
    );
    return rows[0]?.ended ?? 0;
  }

  private async issue(manager: EntityManager, user: User, sessionId: string): Promise<Session> {
    const refreshToken = newSecret('rt_');
    await manager.insert(RefreshToken, {
      userId: user.id,
      sessionId,
      tokenHash: hashSecret(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { accessToken: await this.accessTokens.issue({ userId: user.id, sessionId }), refreshToken, user };
  }
}
