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
    const type = deliveryType(occurrence.event);
    const audience = [...occurrence.audience];
    const bodies = audience.map((userId) =>
      JSON.stringify({ id: job.eventId, type, createdAt: job.occurredAt, data: occurrence.dataFor(userId) }),
    );
    // One statement: the subscribed webhooks of the audience, and their rows (each owner's own body).
    // A program's event goes to that program's webhooks only; anything else to webhooks of no program.
    const hooks = await this.db.query<Array<{ id: string }>>(
      `WITH hooks AS (
         SELECT id, user_id FROM webhooks
          WHERE user_id = ANY($1::uuid[]) AND program_id IS NOT DISTINCT FROM $5::uuid AND enabled AND $2 = ANY(events)
       ), created AS (
         INSERT INTO webhook_deliveries (webhook_id, event_id, event, body)
         SELECT hooks.id, $3::uuid, $2, b.body FROM hooks JOIN unnest($1::uuid[], $4::text[]) AS b(user_id, body)
           ON b.user_id = hooks.user_id
         ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING
       )
       SELECT id FROM hooks`,
      [audience, occurrence.event, job.eventId, bodies, occurrence.programId ?? null],
    );
    // Every subscribed webhook, not only those with a new row: a redelivered event whose wake-up was lost wakes them again.
    await this.scheduler.nowMany(
      'webhook.deliver',
      hooks.map((hook) => ({ payload: { webhookId: hook.id }, jobId: `webhook-${hook.id}-event-${job.eventId}` })),
    );
  }
}
