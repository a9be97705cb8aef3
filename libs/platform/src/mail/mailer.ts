import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { CONFIG, type Config } from '../config/index.js';
import { LOGGER } from '../logging/index.js';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text only: every client renders it, and nothing in it can be a tracking pixel. */
  text: string;
  /** A stable id (the notification's dedupe key), so duplicates are recognisable downstream too. */
  reference: string;
  /** Files sent along, such as a session's .ics invitation. */
  attachments?: readonly MailAttachment[];
}

/**
 * Sends mail over SMTP_URL. Without it (development) each message is written as an
 * .eml file under MAIL_DIR and its path logged, so nothing is sent by accident.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const info: { message?: unknown } = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.map((file) => ({ ...file })),
      messageId: `<${message.reference.replace(/[^A-Za-z0-9._-]/g, '.')}@mentorbridge>`,
    });
    if (this.config.SMTP_URL) return;
    const dir = resolve(this.config.MAIL_DIR);
    await mkdir(dir, { recursive: true });
    const path = join(
      dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.reference.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`,
    );
    await writeFile(path, Buffer.isBuffer(info.message) ? info.message : String(info.message));
    this.logger.info({ path, to: message.to, subject: message.subject }, 'mail written to file (SMTP_URL is unset)');
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
