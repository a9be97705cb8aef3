import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, keysetPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import type { NewNotification, Notification } from './notification.js';

const COLUMNS = `id, user_id AS "userId", type, title, body, link, created_at AS "createdAt", read_at AS "readAt"`;
const MAX_MARK_READ = 100;

@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  /** Inserts once per dedupe key; returns the new id, or null when it already existed. */
  async createOnce(notification: NewNotification): Promise<string | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO notifications (user_id, type, title, body, link, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        notification.userId,
        notification.type,
        notification.title,
        notification.body,
        notification.link ?? null,
        notification.dedupeKey,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Which of these dedupe keys were already delivered, so a sweep can skip work it has done. */
  async existingKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.query<Array<{ key: string }>>(
      `SELECT dedupe_key AS key FROM notifications WHERE dedupe_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** One of the user's own notifications; null for anyone else's. */
  async findForUser(userId: string, id: string): Promise<Notification | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<Notification[]>(
      `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async list(
    userId: string,
    unreadOnly: boolean,
    args: PageArgs,
  ): Promise<Page<Notification> & { unreadCount: number }> {
    const [page, counts] = await Promise.all([
      keysetPage<Notification>(this.db, {
        columns: COLUMNS,
        from: 'notifications',
        where: `user_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`,
        params: [userId],
        sortColumn: 'created_at',
        idColumn: 'id',
        args,
      }),
      this.db.query<Array<{ unread: number }>>(
        `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [userId],
      ),
    ]);
    return { ...page, unreadCount: counts[0]?.unread ?? 0 };
  }

  /** Marks the caller's own notifications read; ids of others are ignored. Returns how many changed. */
  async markRead(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length > MAX_MARK_READ) throw DomainError.badInput('ids', `at most ${MAX_MARK_READ} ids at once`);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return 0;
    const result = await this.db.query<[unknown[], number]>(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
      [userId, valid],
    );
    return result[1];
  }
}
