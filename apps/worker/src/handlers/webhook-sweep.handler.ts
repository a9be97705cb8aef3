import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WebhookSenderService } from '@app/domain';
import {
  HandlesScheduledJob,
  JobScheduler,
  keepRepeating,
  LOGGER,
  type ScheduledJob,
  type ScheduledJobHandler,
} from '@app/platform';
import type { Logger } from 'pino';

const SWEEP_EVERY_MS = 60 * 1000;

/** Every minute: wakes stalled webhook senders and disables webhooks that failed for 3 days. */
@Injectable()
@HandlesScheduledJob('webhook.sweep')
export class WebhookSweepHandler
  implements ScheduledJobHandler<'webhook.sweep'>, OnApplicationBootstrap, OnApplicationShutdown
{
  private stop: (() => void) | undefined;

  constructor(
    private readonly sender: WebhookSenderService,
    private readonly scheduler: JobScheduler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = keepRepeating(this.scheduler, this.logger, { name: 'webhook.sweep', payload: {}, everyMs: SWEEP_EVERY_MS });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  async handle(_job: ScheduledJob<'webhook.sweep'>): Promise<void> {
    await this.sender.sweep();
  }
}
