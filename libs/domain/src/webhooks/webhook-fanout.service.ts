import { Injectable } from '@nestjs/common';
import { JobScheduler, type EventJob } from '@app/platform';
import { DataSource } from 'typeorm';
import { deliveryType } from './webhook-event.js';
import { WEBHOOK_EVENT_SOURCES, type WebhookEventSource, type WebhookSourceEvent } from './webhook-event-sources.js';
import { WebhookViewsService } from './webhook-views.service.js';

/**
 * Turns one domain event into one delivery row per subscribed webhook of the people who
 * can see it, then wakes those webhooks' senders. Idempotent: a redelivered event finds
 * its rows (unique per webhook and event) and wakes the same senders again.
 */
@Injectable()
export class WebhookFanoutService {
  constructor(
    private readonly db: DataSource,
    private readonly views: WebhookViewsService,
    private readonly scheduler: JobScheduler,
  ) {}

  async consume(job: EventJob<WebhookSourceEvent>): Promise<void> {
    const source = WEBHOOK_EVENT_SOURCES[job.type] as WebhookEventSource<typeof job.type>;
    const occurrence = await source(job.payload, this.views);
    if (!occurrence) return;
    const hooks = await this.db.query<Array<{ id: string; userId: string }>>(
      `SELECT id, user_id AS "userId" FROM webhooks WHERE user_id = ANY($1::uuid[]) AND enabled AND $2 = ANY(events)`,
      [occurrence.audience, occurrence.event],
    );
    if (hooks.length === 0) return;
    const type = deliveryType(occurrence.event);
    const bodies = new Map<string, string>();
    const bodyFor = (userId: string): string => {
      let body = bodies.get(userId);
      if (body === undefined) {
        body = JSON.stringify({ id: job.eventId, type, createdAt: job.occurredAt, data: occurrence.dataFor(userId) });
        bodies.set(userId, body);
      }
      return body;
    };
    await this.db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event, body)
       SELECT hook, $2::uuid, $3, body FROM unnest($1::uuid[], $4::text[]) AS t(hook, body)
       ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING`,
      [hooks.map((hook) => hook.id), job.eventId, occurrence.event, hooks.map((hook) => bodyFor(hook.userId))],
    );
    for (const hook of hooks) {
      await this.scheduler.once(
        'webhook.deliver',
        { webhookId: hook.id },
        {
          delayMs: 0,
          jobId: `webhook-${hook.id}-event-${job.eventId}`,
        },
      );
    }
  }
}
