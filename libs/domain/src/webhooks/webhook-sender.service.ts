import { Injectable } from '@nestjs/common';
import { isUuid, JobScheduler, UnitOfWork, WebhookTransport, type WebhookAttempt } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deliveryType, type WebhookEvent } from './webhook-event.js';
import { retryDelayMs } from './webhook-retry-schedule.js';
import { WebhookSecretBoxService } from './webhook-secret-box.service.js';

/** Longer than one delivery may take, so a live sender never loses its webhook mid-send. */
const SENDER_LEASE_SECONDS = 60;
/** Pending rows read at once; new rows behind them are read on the next round. */
const BATCH = 50;
const DISABLE_AFTER = '3 days';
export const DISABLED_REASON = 'Every delivery failed for 3 days; save the webhook again to turn it back on.';

interface Head {
  id: string;
  event: WebhookEvent;
  body: string;
  attempts: number;
  waitMs: number;
}

/**
 * Sends each webhook's deliveries one at a time in event order. A webhook has at most one
 * sender at a time (a lease on its row), and the oldest pending delivery blocks the rest
 * until it succeeds or is failed for good, so receivers never see events out of order.
 */
@Injectable()
export class WebhookSenderService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly transport: WebhookTransport,
    private readonly scheduler: JobScheduler,
    private readonly secretBox: WebhookSecretBoxService,
  ) {}

  /** Sends what is due for one webhook; a no-op while another sender holds it (that one sees new rows). */
  async drain(webhookId: string): Promise<void> {
    if (!isUuid(webhookId)) return;
    const token = randomUUID();
    try {
      for (;;) {
        const hook = await this.lease(webhookId, token);
        if (!hook) return;
        const secret = await this.secretBox.open(hook.secretSealed);
        if (!(await this.sendDue(webhookId, token, hook.url, secret))) return;
        if (await this.release(webhookId, token)) return;
      }
    } catch (error) {
      await this.db.query(
        `UPDATE webhooks SET sender_token = NULL, sender_until = NULL WHERE id = $1 AND sender_token = $2`,
        [webhookId, token],
      );
      throw error;
    }
  }

  /**
   * Wakes senders that should be running but are not (a wake-up lost with Redis, a worker
   * that died holding a lease), and disables webhooks whose deliveries all failed for 3 days.
   */
  async sweep(): Promise<void> {
    const stalled = await this.db.query<Array<{ id: string }>>(
      `SELECT w.id FROM webhooks w
        WHERE w.enabled AND (w.sender_until IS NULL OR w.sender_until < now())
          AND EXISTS (SELECT 1 FROM webhook_deliveries d
                       WHERE d.webhook_id = w.id AND d.status = 'PENDING' AND d.next_attempt_at <= now())`,
    );
    for (const { id } of stalled) {
      await this.scheduler.once(
        'webhook.deliver',
        { webhookId: id },
        {
          delayMs: 0,
          jobId: `webhook-${id}-sweep-${Math.floor(Date.now() / 60_000)}`,
        },
      );
    }
    const failing = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM webhooks WHERE enabled AND failing_since <= now() - interval '${DISABLE_AFTER}'`,
    );
    for (const { id } of failing) {
      await this.uow.run(async (tx) => {
        const [rows] = await tx.manager.query<[unknown[], number]>(
          `UPDATE webhooks SET enabled = false, disabled_reason = $2, sender_token = NULL, sender_until = NULL,
                  updated_at = now()
            WHERE id = $1 AND enabled AND failing_since <= now() - interval '${DISABLE_AFTER}' RETURNING id`,
          [id, DISABLED_REASON],
        );
        if (rows.length > 0) await tx.emit('webhook.disabled', { webhookId: id });
      });
    }
  }

  /**
   * Takes the webhook unless another live sender holds it. Either way this wake-up has run,
   * so the mark that one was queued goes: the next fan-out wakes the sender again if needed.
   */
  private async lease(webhookId: string, token: string): Promise<{ url: string; secretSealed: string } | null> {
    const takeable = `enabled AND (sender_token IS NULL OR sender_token = $2 OR sender_until < now())`;
    const [rows] = await this.db.query<[Array<{ mine: boolean; url: string; secretSealed: string }>, number]>(
      `UPDATE webhooks SET wake_queued_at = NULL,
              sender_token = CASE WHEN ${takeable} THEN $2 ELSE sender_token END,
              sender_until = CASE WHEN ${takeable} THEN now() + interval '${SENDER_LEASE_SECONDS} seconds'
                                  ELSE sender_until END
        WHERE id = $1
        RETURNING sender_token IS NOT DISTINCT FROM $2 AS mine, url, secret_sealed AS "secretSealed"`,
      [webhookId, token],
    );
    return rows[0]?.mine ? rows[0] : null;
  }

  /**
   * Sends pending deliveries in order while the oldest is due; when it is waiting for a
   * retry, arranges a wake-up for then. False when this sender lost the webhook.
   */
  private async sendDue(webhookId: string, token: string, url: string, secret: string): Promise<boolean> {
    for (;;) {
      const queued = await this.pending(webhookId);
      if (queued.length === 0) return true;
      for (const head of queued) {
        if (head.waitMs > 0) {
          await this.scheduler.once(
            'webhook.deliver',
            { webhookId },
            {
              delayMs: head.waitMs,
              jobId: `webhook-${webhookId}-retry-${head.id}-${head.attempts}`,
            },
          );
          return true;
        }
        const attempt = await this.transport.post({
          url,
          secret,
          event: deliveryType(head.event),
          deliveryId: head.id,
          body: head.body,
        });
        if (!(await this.record(webhookId, token, head, attempt))) return false;
        // A failure leaves the row waiting (or failed for good): read the line again.
        if (!attempt.ok) break;
      }
    }
  }

  /** The oldest pending deliveries in order, each with how long until it is due (0 when it is). */
  private pending(webhookId: string): Promise<Head[]> {
    return this.db.query<Head[]>(
      `SELECT id, event, body, attempts,
              greatest(0, ceil(extract(epoch FROM next_attempt_at - now()) * 1000))::int AS "waitMs"
         FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'PENDING' ORDER BY seq LIMIT ${BATCH}`,
      [webhookId],
    );
  }

  /**
   * Writes the attempt's outcome and extends the lease, in one statement; false when this
   * sender lost the webhook (disabled, or its lease taken over).
   */
  private async record(webhookId: string, token: string, head: Head, attempt: WebhookAttempt): Promise<boolean> {
    const attempts = head.attempts + 1;
    const delay = attempt.ok ? null : retryDelayMs(attempts);
    const status = attempt.ok ? 'SUCCEEDED' : delay === null ? 'FAILED' : 'PENDING';
    const [rows] = await this.db.query<[unknown[], number]>(
      `WITH attempt AS (
         UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, last_duration_ms = $5,
                last_response_excerpt = $6, last_attempt_at = now(),
                next_attempt_at = CASE WHEN $2 = 'PENDING' THEN now() + make_interval(secs => $7::float8 / 1000) END
          WHERE id = $1 AND status = 'PENDING'
       )
       UPDATE webhooks SET failing_since = CASE WHEN $8 THEN NULL ELSE coalesce(failing_since, now()) END,
              sender_until = now() + interval '${SENDER_LEASE_SECONDS} seconds'
        WHERE id = $9 AND sender_token = $10 AND enabled RETURNING id`,
      [
        head.id,
        status,
        attempts,
        attempt.statusCode,
        attempt.durationMs,
        attempt.excerpt,
        delay ?? 0,
        attempt.ok,
        webhookId,
        token,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Gives the webhook up unless its oldest pending delivery is due. The webhook row is locked
   * first and the rows are looked at in a later statement, so this sees every row whose
   * fan-out found this sender running and left the wake-up to it (the fan-out holds a key
   * share lock on the webhook row until its rows commit). Due means due by the clock when the
   * rows are looked at: now() is when the transaction began, before the wait, and a row
   * committed during the wait is stamped later than that.
   */
  private release(webhookId: string, token: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const held = await tx.manager.query<unknown[]>(
        `SELECT 1 FROM webhooks WHERE id = $1 AND sender_token = $2 FOR UPDATE`,
        [webhookId, token],
      );
      if (held.length === 0) return false;
      const [rows] = await tx.manager.query<[unknown[], number]>(
        `UPDATE webhooks SET sender_token = NULL, sender_until = NULL
          WHERE id = $1
            AND NOT EXISTS (SELECT 1 FROM (SELECT next_attempt_at FROM webhook_deliveries
                                            WHERE webhook_id = $1 AND status = 'PENDING' ORDER BY seq LIMIT 1) head
                             WHERE head.next_attempt_at <= clock_timestamp())
          RETURNING id`,
        [webhookId],
      );
      return rows.length > 0;
    });
  }
}
