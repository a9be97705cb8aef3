import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, DomainError, ErrorCode, type Config, type Transaction } from '@app/platform';

const DAY_MS = 86_400_000;

function secondsUntil(at: number): number {
  return Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/**
 * How often a mentee may ask. Called under the mentee's row lock, inside the send's
 * transaction, so parallel sends are counted one after another and cannot pass together.
 */
@Injectable()
export class RequestQuotaService {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async assertMaySend(tx: Transaction, menteeId: string, mentorProfileId: string): Promise<void> {
    await this.assertNotCoolingOff(tx, menteeId, mentorProfileId);
    await this.assertUnderDailyLimit(tx, menteeId);
  }

  /**
   * After a withdrawal or a decline the mentor is left alone for a while: a mentee cannot
   * withdraw and re-send to bump a request up the mentor's list, nor press after a no.
   * CONFLICT: it is about this pair's history, and any other mentor may be asked now.
   */
  private async assertNotCoolingOff(tx: Transaction, menteeId: string, mentorProfileId: string): Promise<void> {
    const [{ last }] = await tx.manager.query<[{ last: Date | null }]>(
      `SELECT max(t.at) AS last
         FROM mentorship_requests r JOIN mentorship_request_transitions t ON t.request_id = r.id
        WHERE r.mentee_id = $1 AND r.mentor_profile_id = $2 AND t.to_status IN ('WITHDRAWN', 'DECLINED')
          AND t.at > now() - make_interval(days => $3)`,
      [menteeId, mentorProfileId, this.config.REQUEST_COOLDOWN_DAYS],
    );
    if (!last) return;
    const retryAfterSeconds = secondsUntil(last.getTime() + this.config.REQUEST_COOLDOWN_DAYS * DAY_MS);
    throw DomainError.conflict('You recently asked this mentor; wait before asking again', { retryAfterSeconds });
  }

  /**
   * At most REQUEST_DAILY_LIMIT sends in any 24 hours, withdrawn ones included (else
   * send-and-withdraw would be free). RATE_LIMITED, not CONFLICT: it is a budget that
   * refills with time whatever the mentee does, the same kind of refusal as the
   * per-client budgets, so clients back off the same way.
   */
  private async assertUnderDailyLimit(tx: Transaction, menteeId: string): Promise<void> {
    const [{ sent, oldest }] = await tx.manager.query<[{ sent: number; oldest: Date | null }]>(
      `SELECT count(*)::int AS sent, min(created_at) AS oldest FROM mentorship_requests
        WHERE mentee_id = $1 AND created_at > now() - interval '1 day'`,
      [menteeId],
    );
    if (sent < this.config.REQUEST_DAILY_LIMIT || !oldest) return;
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      `You can send ${this.config.REQUEST_DAILY_LIMIT} requests a day; try again later`,
      undefined,
      { retryAfterSeconds: secondsUntil(oldest.getTime() + DAY_MS) },
    );
  }
}
