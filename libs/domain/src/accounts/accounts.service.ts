import { Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation, parseInput, UnitOfWork } from '@app/platform';
import { DataSource, In } from 'typeorm';
import { passwordSchema, signUpSchema, type SignUpInput } from './accounts.inputs.js';
import { PasswordHasher } from './password-hasher.js';
import { assertSignedInSession, type Principal } from './principal.js';
import { SessionsService, type Session } from './sessions.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { User } from './user.entity.js';

const MAX_PASSWORD_LENGTH = 200;

/** Accounts and the password: signing up, signing in, changing it. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async signUp(raw: SignUpInput): Promise<Session> {
    const input = parseInput(signUpSchema, raw, 'input');
    // Refused before hashing: a taken email must not cost 19 MiB of argon2. The unique
    // index still decides a race between two sign-ups.
    if (await this.db.getRepository(User).existsBy({ email: input.email })) throw this.emailTaken();
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
        return this.sessions.start(tx.manager, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.emailTaken();
      throw error;
    }
  }

  async signIn(rawEmail: string, password: string, clientIp: string): Promise<Session> {
    const email = rawEmail.trim().toLowerCase();
    if (email.length === 0 || email.length > 254) throw DomainError.badInput('email', 'email is not valid');
    if (password.length > MAX_PASSWORD_LENGTH) throw DomainError.badInput('password', 'password is too long');
    const session = await this.throttle.guard(email, clientIp, async ({ manager }) => {
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email })
        .getOne();
      if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) return null;
      return this.sessions.start(manager, user);
    });
    if (!session) throw DomainError.unauthenticated('Email or password is incorrect');
    return session;
  }

  /**
   * Checked and throttled like a sign-in (a stolen access token must not become a way to
   * guess the password). Every session ends, the caller's included; the new one returned
   * is the only one left.
   */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    rawNewPassword: string,
    clientIp: string,
  ): Promise<Session> {
    assertSignedInSession(principal, 'Changing the password');
    const newPassword = parseInput(passwordSchema, rawNewPassword, 'newPassword');
    if (currentPassword.length > MAX_PASSWORD_LENGTH) {
      throw DomainError.badInput('currentPassword', 'currentPassword is incorrect');
    }
    const owner = await this.findById(principal.userId);
    if (!owner) throw DomainError.unauthenticated();
    const session = await this.throttle.guard(owner.email, clientIp, async ({ manager }) => {
      // Read under the row lock: of two parallel changes from the same password, the
      // second checks against the first one's result and fails.
      const [row] = await manager.query<Array<{ passwordHash: string }>>(
        `SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 FOR NO KEY UPDATE`,
        [owner.id],
      );
      if (!(await this.hasher.verify(row?.passwordHash, currentPassword))) return null;
      await manager.update(User, { id: owner.id }, { passwordHash: await this.hasher.hash(newPassword) });
      await this.sessions.endAll(manager, owner.id);
      return this.sessions.start(manager, owner);
    });
    if (!session) throw DomainError.badInput('currentPassword', 'currentPassword is incorrect');
    return session;
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

  private emailTaken(): DomainError {
    return DomainError.conflict('An account with this email already exists');
  }
}
