import { Injectable } from '@nestjs/common';
import { checkPageSize, decodeCursor, DomainError, isUuid, toPage, type Page, type PageArgs } from '@app/platform';
import { DataSource } from 'typeorm';
import type { NewNotification, Notification } from './notification.js';

// The cursor keeps microseconds (a JS Date would drop them and skip rows on a page edge).
const COLUMNS = `id, user_id AS "userId", type, title, body, link, created_at AS "createdAt", read_at AS "readAt",
  (extract(epoch FROM created_at) * 1000000)::bigint::text AS "sortMicros"`;
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
    const first = checkPageSize(args.first);
    const filter = `user_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const params: unknown[] = [userId];
    let keyset = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      if (!/^\d+$/.test(String(createdAt)) || !isUuid(String(id))) {
        throw DomainError.badInput('after', 'after is not a cursor this list issued');
      }
      params.push(createdAt, id);
      keyset = ` AND ((extract(epoch FROM created_at) * 1000000)::bigint, id) < ($2::bigint, $3::uuid)`;
    }
    const [rows, counts] = await Promise.all([
      this.db.query<Array<Notification & { sortMicros: string }>>(
        `SELECT ${COLUMNS} FROM notifications WHERE ${filter}${keyset}
          ORDER BY created_at DESC, id DESC LIMIT ${first + 1}`,
        params,
      ),
      this.db.query<Array<{ total: number; unread: number }>>(
        `SELECT count(*) FILTER (WHERE ${unreadOnly ? 'read_at IS NULL' : 'true'})::int AS total,
                count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notifications WHERE user_id = $1`,
        [userId],
      ),
    ]);
    const page = toPage(rows, first, counts[0]?.total ?? 0, (n) => [n.sortMicros, n.id]);
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
