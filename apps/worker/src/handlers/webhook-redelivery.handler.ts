import { Injectable } from '@nestjs/common';
import { WebhookSenderService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/** A redelivery waits in the webhook's line like any delivery: wake its sender. */
@Injectable()
@HandlesEvent(QUEUES.webhookDeliveries, 'webhook.redelivery_requested')
export class WebhookRedeliveryHandler implements EventHandler<'webhook.redelivery_requested'> {
  constructor(private readonly sender: WebhookSenderService) {}

  async handle(job: EventJob<'webhook.redelivery_requested'>): Promise<void> {
    await this.sender.drain(job.payload.webhookId);
  }
}
