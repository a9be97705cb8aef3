import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Mailer, type Config } from '@app/platform';
import { DataSource } from 'typeorm';
import { EmailPreferencesService } from './email-preferences.service.js';
import { emailLink, emailText } from './messages/email-text.js';
import type { NotificationMessage, Recipient } from './messages/message.js';

/**
 * Sends each email at most once per dedupe key. The ledger row is claimed and the
 * mail sent inside one transaction: a duplicate job waits on the claim and then
 * finds it taken; a failed send rolls the claim back so the retry sends. Only a
 * crash between the SMTP server's acceptance and the commit can send twice.
 */
@Injectable()
export class EmailDeliveryService {
  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly preferences: EmailPreferencesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** True when this call sent it; false when it was sent before or the user turned this kind off. */
  async sendOnce(recipient: Recipient, message: NotificationMessage, dedupeKey: string): Promise<boolean> {
    if (!(await this.preferences.wants(recipient.id, message.kind))) return false;
    return this.db.transaction(async (manager) => {
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO sent_emails (dedupe_key, user_id, type) VALUES ($1, $2, $3)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1`,
        [dedupeKey, recipient.id, message.kind],
      );
      if (claimed.length === 0) return false;
      await this.mailer.send({
        to: recipient.email,
        subject: message.email.subject,
        text: emailText(recipient, message.email.lines, emailLink(message.link, this.config.WEB_APP_URL)),
        reference: dedupeKey,
        attachments: message.email.attachments,
      });
      return true;
    });
  }
}
