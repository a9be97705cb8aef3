import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { isNotificationKind, NotificationKind } from './notification-types.js';

export interface EmailPreference {
  type: NotificationKind;
  enabled: boolean;
}

/** Per-kind email opt-outs. Email is on unless the user turned that kind off. */
@Injectable()
export class EmailPreferencesService {
  constructor(private readonly db: DataSource) {}

  async set(userId: string, type: string, enabled: boolean): Promise<void> {
    if (!isNotificationKind(type)) {
      throw DomainError.badInput('type', `type must be one of ${Object.values(NotificationKind).join(', ')}`);
    }
    await this.db.query(
      `INSERT INTO notification_email_preferences (user_id, type, enabled) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, type) DO UPDATE SET enabled = EXCLUDED.enabled`,
      [userId, type, enabled],
    );
  }

  async list(userId: string): Promise<EmailPreference[]> {
    const rows = await this.db.query<Array<{ type: string; enabled: boolean }>>(
      `SELECT type, enabled FROM notification_email_preferences WHERE user_id = $1`,
      [userId],
    );
    const off = new Set(rows.filter((row) => !row.enabled).map((row) => row.type));
    return Object.values(NotificationKind).map((type) => ({ type, enabled: !off.has(type) }));
  }

  async wants(userId: string, type: NotificationKind): Promise<boolean> {
    const rows = await this.db.query<Array<{ enabled: boolean }>>(
      `SELECT enabled FROM notification_email_preferences WHERE user_id = $1 AND type = $2`,
      [userId, type],
    );
    return rows[0]?.enabled ?? true;
  }
}
