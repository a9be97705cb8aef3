import { Injectable } from '@nestjs/common';
import { assertId, DomainError, keysetPage, UnitOfWork, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import { DELIVERY_COLUMNS, type WebhookDelivery } from './webhook.js';

/** A webhook's deliveries as its owner sees them, and sending one again. */
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  list(ownerId: string, webhookId: string, args: PageArgs): Promise<Page<WebhookDelivery>> {
    return keysetPage<WebhookDelivery>(this.db, {
      columns: DELIVERY_COLUMNS,
      from: 'webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id',
      where: 'd.webhook_id = $1 AND w.user_id = $2',
      params: [webhookId, ownerId],
      sortColumn: 'd.created_at',
      idColumn: 'd.id',
      args,
    });
  }

  /**
   * Queues the same event again as a new delivery (its own Mentorbridge-Delivery id, the
   * same body and event id), behind the webhook's other pending deliveries.
   */
  async redeliver(ownerId: string, deliveryId: string): Promise<WebhookDelivery> {
    assertId(deliveryId, 'Webhook delivery');
    return this.uow.run(async (tx) => {
      const [original] = await tx.manager.query<Array<{ webhookId: string; enabled: boolean }>>(
        `SELECT d.webhook_id AS "webhookId", w.enabled FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
          WHERE d.id = $1 AND w.user_id = $2`,
        [deliveryId, ownerId],
      );
      if (!original) throw DomainError.notFound('Webhook delivery');
      if (!original.enabled) throw DomainError.conflict('This webhook is disabled; save it again to turn it back on');
      const [copy] = await tx.manager.query<WebhookDelivery[]>(
        `INSERT INTO webhook_deliveries AS d (webhook_id, event_id, event, body, redelivery_of)
         SELECT webhook_id, event_id, event, body, id FROM webhook_deliveries WHERE id = $1
         RETURNING ${DELIVERY_COLUMNS}`,
        [deliveryId],
      );
      await tx.emit('webhook.redelivery_requested', { webhookId: original.webhookId, deliveryId: copy.id });
      return copy;
    });
  }
}
