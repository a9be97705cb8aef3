import { Injectable } from '@nestjs/common';
import { WebhookNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'webhook.disabled')
export class WebhookDisabledHandler implements EventHandler<'webhook.disabled'> {
  constructor(private readonly notifications: WebhookNotificationsService) {}

  async handle(job: EventJob<'webhook.disabled'>): Promise<void> {
    await this.notifications.disabled(job.eventId, job.payload.webhookId);
  }
}
