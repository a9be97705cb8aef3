import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { webhookDisabled } from './messages/webhook-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

@Injectable()
export class WebhookNotificationsService {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /** Tells the owner their webhook was turned off, unless they turned it back on meanwhile. */
  async disabled(eventId: string, webhookId: string): Promise<void> {
    const webhook = await this.webhooks.findById(webhookId);
    if (!webhook || webhook.enabled) return;
    const owner = await this.accounts.findById(webhook.userId);
    if (!owner) return;
    const message = webhookDisabled({ webhookId: webhook.id, url: webhook.url, reason: webhook.disabledReason ?? '' });
    await this.dispatcher.deliver(owner, message, `${eventId}:${owner.id}`);
  }
}
