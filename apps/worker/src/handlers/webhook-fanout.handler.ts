import { Injectable } from '@nestjs/common';
import { WebhookFanoutService, type WebhookSourceEvent } from '@app/domain';
import { eventsRoutedTo, HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/** Every event routed to the webhooks queue becomes delivery rows. */
@Injectable()
@HandlesEvent(QUEUES.webhooks, eventsRoutedTo(QUEUES.webhooks))
export class WebhookFanoutHandler implements EventHandler<WebhookSourceEvent> {
  constructor(private readonly fanout: WebhookFanoutService) {}

  async handle(job: EventJob<WebhookSourceEvent>): Promise<void> {
    await this.fanout.consume(job);
  }
}
