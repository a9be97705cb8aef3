import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, ErrorCode, type Config } from '@app/platform';
import type { EntityManager } from 'typeorm';

/**
 * Counts failed sign-ins per email in PostgreSQL (not Redis), so throttling holds
 * across api instances and survives a Redis outage.
 */
@Injectable()
export class SignInThrottleService {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  /**
   * One sign-in per email at a time, until the transaction ends, so parallel guesses
   * cannot all read the failure count before any of them records a failure. A second
   * attempt is refused at once rather than queued, so a flood cannot hold connections.
   */
  async lock(manager: EntityManager, email: string): Promise<void> {
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

  async assertAllowed(manager: EntityManager, email: string): Promise<void> {
    const rows = await manager.query<Array<{ failures: number; oldest: Date | null }>>(
      `SELECT count(*)::int AS failures, min(failed_at) AS oldest
         FROM sign_in_failures
        WHERE email = $1 AND failed_at > now() - make_interval(secs => $2)`,
      [email, this.config.SIGN_IN_WINDOW_SECONDS],
    );
    const { failures = 0, oldest = null } = rows[0] ?? {};
    if (failures >= this.config.SIGN_IN_MAX_FAILURES && oldest) {
      const retryAfter = Math.max(
        1,
        Math.ceil((oldest.getTime() + this.config.SIGN_IN_WINDOW_SECONDS * 1000 - Date.now()) / 1000),
      );
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-ins; try again later', undefined, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  async recordFailure(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`INSERT INTO sign_in_failures (email) VALUES ($1)`, [email]);
    // Keep the table to the window; old rows say nothing.
    await manager.query(
      `DELETE FROM sign_in_failures WHERE email = $1 AND failed_at <= now() - make_interval(secs => $2)`,
      [email, this.config.SIGN_IN_WINDOW_SECONDS],
    );
  }

  async reset(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
  }
}
