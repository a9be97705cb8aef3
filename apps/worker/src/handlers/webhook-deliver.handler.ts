import { Injectable } from '@nestjs/common';
import { WebhookSenderService } from '@app/domain';
import { HandlesScheduledJob, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';

@Injectable()
@HandlesScheduledJob('webhook.deliver')
export class WebhookDeliverHandler implements ScheduledJobHandler<'webhook.deliver'> {
  constructor(private readonly sender: WebhookSenderService) {}

  async handle(job: ScheduledJob<'webhook.deliver'>): Promise<void> {
    await this.sender.drain(job.payload.webhookId);
  }
}
