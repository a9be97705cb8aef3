import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, ErrorCode, type Config } from '@app/platform';
import { DataSource } from 'typeorm';

/**
 * Counts failed sign-ins per email in PostgreSQL (not Redis), so throttling holds
 * across api instances and survives a Redis outage.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async assertAllowed(email: string): Promise<void> {
    const rows = await this.db.query<Array<{ failures: number; oldest: Date | null }>>(
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

  async recordFailure(email: string): Promise<void> {
    await this.db.query(`INSERT INTO sign_in_failures (email) VALUES ($1)`, [email]);
    // Keep the table to the window; old rows say nothing.
    await this.db.query(
      `DELETE FROM sign_in_failures WHERE email = $1 AND failed_at <= now() - make_interval(secs => $2)`,
      [email, this.config.SIGN_IN_WINDOW_SECONDS],
    );
  }

  async reset(email: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
  }
}
