import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, ErrorCode, UnitOfWork, type Config, type Transaction } from '@app/platform';
import { isIP } from 'node:net';
import type { EntityManager } from 'typeorm';

// A client whose address cannot be read shares one budget with every other such client.
const UNREADABLE_ADDRESS = '0.0.0.0';

/** The address as counted: IPv4 (also when mapped into IPv6) as is; IPv6 by its /64, one subscriber's usual share. */
const NETWORK = `CASE WHEN family($1::inet) = 6 THEN network(set_masklen($1::inet, 64)) ELSE $1::inet END`;

function readableAddress(ip: string): string {
  const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip;
  return isIP(address) ? address : UNREADABLE_ADDRESS;
}

function tooMany(message: string, oldest: Date, windowSeconds: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, message, undefined, { retryAfterSeconds });
}

/**
 * Password checks under limits: failures are counted per email and per client network
 * in PostgreSQL (not Redis), so the limits hold across api instances and through a
 * Redis outage.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Runs one password check for `email` from `ip`. `check` returns its result, or null
   * when the password was wrong, which is then kept as a failure. The attempt is written
   * as a failure before the password is checked and forgiven on success: parallel guesses
   * from one network are then counted as they start, not as they finish, so no more than
   * the limit can be in flight at once.
   */
  async guard<T>(email: string, ip: string, check: (tx: Transaction) => Promise<T | null>): Promise<T | null> {
    const attemptId = await this.reserve(email, readableAddress(ip));
    try {
      return await this.uow.run(async (tx) => {
        await this.lockEmail(tx.manager, email);
        await this.assertEmailAllowed(tx.manager, email, attemptId);
        const result = await check(tx);
        if (result === null) await this.forgetExpired(tx.manager, email, attemptId);
        else await tx.manager.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
        return result;
      });
    } catch (error) {
      // Refused or broken before a password was judged: that was no guess.
      await this.uow.run(({ manager }) => manager.query(`DELETE FROM sign_in_failures WHERE id = $1`, [attemptId]));
      throw error;
    }
  }

  /** Counts the network's recent failures and records this attempt, one attempt per network at a time (briefly). */
  private reserve(email: string, ip: string): Promise<string> {
    return this.uow.run(async ({ manager }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sign-in-ip:' || (${NETWORK})::text))`, [ip]);
      const [{ failures, oldest }] = await manager.query<[{ failures: number; oldest: Date | null }]>(
        `SELECT count(*)::int AS failures, min(failed_at) AS oldest FROM sign_in_failures
          WHERE ip = ${NETWORK} AND failed_at > now() - make_interval(secs => $2)`,
        [ip, this.config.SIGN_IN_WINDOW_SECONDS],
      );
      if (failures >= this.config.SIGN_IN_MAX_FAILURES_PER_IP && oldest) {
        throw tooMany(
          'Too many failed sign-ins from your network; try again later',
          oldest,
          this.config.SIGN_IN_WINDOW_SECONDS,
        );
      }
      const [{ id }] = await manager.query<[{ id: string }]>(
        `INSERT INTO sign_in_failures (email, ip) VALUES ($2, ${NETWORK}) RETURNING id::text AS id`,
        [ip, email],
      );
      return id;
    });
  }

  /**
   * One check per email at a time, until the transaction ends, so parallel guesses
   * cannot all read the failure count before any of them records a failure. A second
   * attempt is refused at once rather than queued, so a flood cannot hold connections.
   */
  private async lockEmail(manager: EntityManager, email: string): Promise<void> {
    const [{ locked }] = await manager.query<[{ locked: boolean }]>(
      `SELECT pg_try_advisory_xact_lock(hashtext('sign-in:' || $1)) AS locked`,
      [email],
    );
    if (!locked) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Another sign-in for this email is in progress', undefined, {
        retryAfterSeconds: 1,
      });
    }
  }

  /**
   * Other attempts' rows count too. For this email they are only ever the losers of the
   * lock above, about to be forgiven; counting them for that moment errs on the safe side.
   */
  private async assertEmailAllowed(manager: EntityManager, email: string, attemptId: string): Promise<void> {
    const [{ failures, oldest }] = await manager.query<[{ failures: number; oldest: Date | null }]>(
      `SELECT count(*)::int AS failures, min(failed_at) AS oldest FROM sign_in_failures
        WHERE email = $1 AND id <> $2 AND failed_at > now() - make_interval(secs => $3)`,
      [email, attemptId, this.config.SIGN_IN_WINDOW_SECONDS],
    );
    if (failures >= this.config.SIGN_IN_MAX_FAILURES && oldest) {
      throw tooMany('Too many failed sign-ins; try again later', oldest, this.config.SIGN_IN_WINDOW_SECONDS);
    }
  }

  /** Keeps the table to the window; older rows say nothing. */
  private async forgetExpired(manager: EntityManager, email: string, attemptId: string): Promise<void> {
    await manager.query(
      `DELETE FROM sign_in_failures
        WHERE failed_at <= now() - make_interval(secs => $3)
          AND (email = $1 OR ip = (SELECT ip FROM sign_in_failures WHERE id = $2))`,
      [email, attemptId, this.config.SIGN_IN_WINDOW_SECONDS],
    );
  }
}
