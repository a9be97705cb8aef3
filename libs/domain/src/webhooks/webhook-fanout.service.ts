import { Injectable } from '@nestjs/common';
import { JobScheduler, OrderedGroupCommit, type EventJob } from '@app/platform';
import { DataSource } from 'typeorm';
import { deliveryType } from './webhook-event.js';
import { WEBHOOK_EVENT_SOURCES, type WebhookEventSource, type WebhookSourceEvent } from './webhook-event-sources.js';
import { WebhookViewsService } from './webhook-views.service.js';

/** One event's delivery rows to be: who hears of it and the body each receives. */
interface Fanout {
  eventId: string;
  event: string;
  programId: string | null;
  audience: string[];
  bodies: string[];
}

/**
 * Turns domain events into one delivery row per subscribed webhook of the people who can
 * see them, then wakes those webhooks' senders. Events are read in parallel (the webhooks
 * queue runs several jobs at once) but their rows are written in outbox order, several
 * events per statement: a webhook's rows are in event order, the order its sender keeps. Idempotent: a redelivered event
 * finds its rows (unique per webhook and event) and wakes the same senders again.
 */
@Injectable()
export class WebhookFanoutService {
  private readonly rows = new OrderedGroupCommit<Fanout>((group) => this.write(group));

  constructor(
    private readonly db: DataSource,
    private readonly views: WebhookViewsService,
    private readonly scheduler: JobScheduler,
  ) {}

  async consume(job: EventJob<WebhookSourceEvent>): Promise<void> {
    const place = this.rows.join(job.sequence);
    let fanout: Fanout | null;
    try {
      fanout = await this.read(job);
    } catch (error) {
      place.leave();
      throw error;
    }
    if (fanout) await place.ready(fanout);
    else place.leave();
  }

  private async read(job: EventJob<WebhookSourceEvent>): Promise<Fanout | null> {
    const source = WEBHOOK_EVENT_SOURCES[job.type] as WebhookEventSource<typeof job.type>;
    const occurrence = await source(job.payload, this.views);
    if (!occurrence) return null;
    const type = deliveryType(occurrence.event);
    const audience = [...occurrence.audience];
    return {
      eventId: job.eventId,
      event: occurrence.event,
      programId: occurrence.programId ?? null,
      audience,
      bodies: audience.map((userId) =>
        JSON.stringify({ id: job.eventId, type, createdAt: job.occurredAt, data: occurrence.dataFor(userId) }),
      ),
    };
  }

  /**
   * One statement for a group of events: the subscribed webhooks of each audience, and their
   * rows (each owner's own body), inserted in event order so their `seq` follows it. Whether a
   * webhook needs waking is read from the locked webhook row, i.e. its latest version: the
   * statement's snapshot may predate a sender's release that committed while it waited. A
   * program's event goes to that program's webhooks only; anything else to webhooks of no program.
   */
  private async write(group: Fanout[]): Promise<void> {
    const listeners = group.flatMap((fanout, position) => fanout.audience.map(() => position));
    const woken = await this.db.query<Array<{ id: string; mark: string }>>(
      `WITH events AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]) WITH ORDINALITY AS e(event_id, event, program_id, position)
       ), listeners AS (
         SELECT * FROM unnest($4::int[], $5::uuid[], $6::text[]) AS l(position, user_id, body)
       ), hooks AS (
         SELECT w.id, e.event_id, e.event, l.body, e.position,
                (w.sender_token IS NULL OR w.sender_until < now()) AND w.wake_queued_at IS NULL AS wake
           FROM events e JOIN listeners l ON l.position = e.position - 1
           JOIN webhooks w ON w.user_id = l.user_id AND w.program_id IS NOT DISTINCT FROM e.program_id
                          AND w.enabled AND e.event = ANY(w.events)
            FOR KEY SHARE OF w
       ), created AS (
         INSERT INTO webhook_deliveries (webhook_id, event_id, event, body)
         SELECT id, event_id, event, body FROM hooks ORDER BY position, id
         ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING
       ), woken AS (
         UPDATE webhooks SET wake_queued_at = now() WHERE id IN (SELECT id FROM hooks WHERE wake)
          RETURNING id, (extract(epoch FROM wake_queued_at) * 1000000)::bigint::text AS mark
       )
       SELECT id, mark FROM woken`,
      [
        group.map((fanout) => fanout.eventId),
        group.map((fanout) => fanout.event),
        group.map((fanout) => fanout.programId),
        listeners,
        group.flatMap((fanout) => fanout.audience),
        group.flatMap((fanout) => fanout.bodies),
      ],
    );
    // Only idle webhooks with no wake-up queued yet are woken: a running sender sees these rows
    // before it lets go (WebhookSenderService.release), and a queued wake-up reads them when it
    // runs. The job id names the mark, so BullMQ drops only a second enqueue of the same wake-up.
    // A wake-up lost with Redis leaves its mark behind; the minute sweep wakes that sender.
    await this.scheduler.nowMany(
      'webhook.deliver',
      woken.map(({ id, mark }) => ({ payload: { webhookId: id }, jobId: `webhook-${id}-wake-${mark}` })),
    );
  }
}
