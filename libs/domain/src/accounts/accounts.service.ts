import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, isUniqueViolation, parseInput, UnitOfWork, type Config } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AccessTokenService } from './access-token.service.js';
import { signUpSchema, type SignUpInput } from './accounts.inputs.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { hashSecret, newSecret } from './secrets.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { User } from './user.entity.js';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly throttle: SignInThrottleService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async signUp(raw: SignUpInput): Promise<Session> {
    const input = parseInput(signUpSchema, raw, 'input');
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.uow.run(async (tx) => {
        const user = await tx.manager.save(
          tx.manager.create(User, {
            email: input.email,
            passwordHash,
            displayName: input.displayName,
            timeZone: input.timeZone,
          }),
        );
        await tx.emit('user.signed_up', { userId: user.id });
        return this.startSession(tx.manager, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('An account with this email already exists');
      throw error;
    }
  }

  async signIn(rawEmail: string, password: string): Promise<Session> {
    const email = rawEmail.trim().toLowerCase();
    if (email.length === 0 || email.length > 254) throw DomainError.badInput('email', 'email is not valid');
    if (password.length > 200) throw DomainError.badInput('password', 'password is too long');
    const outcome = await this.db.transaction(async (manager) => {
      await this.throttle.lock(manager, email);
      await this.throttle.assertAllowed(manager, email);
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email })
        .getOne();
      if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) {
        // Committed, not thrown here: the failure must count even though sign-in fails.
        await this.throttle.recordFailure(manager, email);
        return 'failed' as const;
      }
      await this.throttle.reset(manager, email);
      return this.startSession(manager, user);
    });
    if (outcome === 'failed') throw DomainError.unauthenticated('Email or password is incorrect');
    return outcome;
  }

  /**
   * Rotates a refresh token. A token that was already used means someone replayed
   * it: the whole family is revoked and both holders must sign in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.db.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: hashSecret(refreshToken) })
        .getOne();
      if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return 'invalid' as const;
      if (token.usedAt) {
        await manager.update(
          RefreshToken,
          { familyId: token.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        return 'reused' as const;
      }
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      const user = await manager.findOneByOrFail(User, { id: token.userId });
      return this.startSession(manager, user, token.familyId);
    });
    if (outcome === 'invalid') throw DomainError.unauthenticated('Refresh token is invalid or expired');
    if (outcome === 'reused') throw DomainError.unauthenticated('Refresh token was already used; sign in again');
    return outcome;
  }

  findById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  /** Emails are citext, so any spelling of the case finds the account. */
  findByEmail(email: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ email });
  }

  /** For DataLoaders: one query for many ids, in the order asked, null where missing. */
  async findByIds(ids: readonly string[]): Promise<Array<User | null>> {
    const users = await this.db.getRepository(User).findBy({ id: In([...ids]) });
    const byId = new Map(users.map((user) => [user.id, user]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async startSession(manager: EntityManager, user: User, familyId: string = randomUUID()): Promise<Session> {
    const refreshToken = newSecret('rt_');
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: hashSecret(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { accessToken: await this.accessTokens.issue(user.id), refreshToken, user };
  }
}
