import type { MailAttachment } from '@app/platform';
import type { NotificationKind } from '../notification-types.js';

/** Who a message is for: times in it are written in their zone. */
export interface Recipient {
  id: string;
  displayName: string;
  email: string;
  timeZone: string;
}

/** One notification as the inbox shows it and as it is emailed. */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  /** The email's own lines; the delivery frames them (greeting, link, footer) with emailText. */
  email: { subject: string; lines: readonly string[]; attachments?: readonly MailAttachment[] };
}
