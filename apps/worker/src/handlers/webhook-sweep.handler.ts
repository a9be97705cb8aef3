import { Inject, Injectable } from '@nestjs/common';
import { WebhookSenderService } from '@app/domain';
import { HandlesScheduledJob, JobScheduler, LOGGER, RepeatingJobHandler, type ScheduledJob } from '@app/platform';
import type { Logger } from 'pino';

/** Every minute: wakes stalled webhook senders and disables webhooks that failed for 3 days. */
@Injectable()
@HandlesScheduledJob('webhook.sweep')
export class WebhookSweepHandler extends RepeatingJobHandler<'webhook.sweep'> {
  constructor(
    private readonly sender: WebhookSenderService,
    scheduler: JobScheduler,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(scheduler, logger, { name: 'webhook.sweep', payload: {}, everyMs: 60 * 1000 });
  }

  async handle(_job: ScheduledJob<'webhook.sweep'>): Promise<void> {
    await this.sender.sweep();
  }
}
