import { Injectable } from '@nestjs/common';
import { LivePublisher } from '@app/platform';
import { EmailDeliveryService } from './email-delivery.service.js';
import type { NotificationMessage, Recipient } from './messages/message.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Delivers one message to one person on every channel: the inbox, a live push to
 * their open subscriptions, and email. Idempotent per dedupe key (event id + recipient).
 */
@Injectable()
export class NotificationDispatcherService {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly emails: EmailDeliveryService,
    private readonly live: LivePublisher,
  ) {}

  async deliver(recipient: Recipient, message: NotificationMessage, dedupeKey: string): Promise<void> {
    const notificationId = await this.inbox.createOnce({
      userId: recipient.id,
      type: message.kind,
      title: message.title,
      body: message.body,
      link: message.link,
      dedupeKey,
    });
    if (notificationId) await this.live.publish('notifications', recipient.id, { notificationId });
    await this.emails.sendOnce(recipient, message, dedupeKey);
  }
}
