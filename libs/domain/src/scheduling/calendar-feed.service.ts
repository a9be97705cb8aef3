import { Inject, Injectable } from '@nestjs/common';
import { apiPublicUrl, CONFIG, type Config } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import { sessionCalendar, type CalendarEntry } from './session-calendar.js';
import { SessionQueriesService } from './session-queries.service.js';
import type { MentoringSession } from './session.js';

/** A feed shows sessions that ended at most this many days ago, and everything later. */
const FEED_PAST_DAYS = 30;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Each person's secret calendar feed. The token is 256 random bits: the URL is the only
 * credential a calendar app can send, and rotating it makes the old URL answer 404.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionQueriesService,
    private readonly accounts: AccountsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** The person's feed URL, made on first ask. */
  async feedUrl(userId: string): Promise<string> {
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
      [userId, newToken()],
    );
    const [row] = await this.db.query<Array<{ token: string }>>(`SELECT token FROM calendar_feeds WHERE user_id = $1`, [
      userId,
    ]);
    if (!row) throw new Error(`calendar feed of ${userId} vanished`);
    return this.urlOf(row.token);
  }

  /** A new secret URL; the old one stops working at once. */
  async rotate(userId: string): Promise<string> {
    const token = newToken();
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()`,
      [userId, token],
    );
    return this.urlOf(token);
  }

  /** The feed behind a token as an .ics document, or null when no feed has that token. */
  async render(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const [feed] = await this.db.query<Array<{ userId: string }>>(
      `SELECT user_id AS "userId" FROM calendar_feeds WHERE token = $1`,
      [token],
    );
    if (!feed) return null;
    const sessions = await this.sessions.forCalendar(feed.userId, FEED_PAST_DAYS);
    return sessionCalendar('Mentorbridge sessions', await this.entriesFor(feed.userId, sessions));
  }

  /** One session as an invitation to attach to an email for `userId`. */
  async invite(userId: string, session: MentoringSession): Promise<string> {
    return sessionCalendar('Mentorbridge session', await this.entriesFor(userId, [session]));
  }

  private async entriesFor(userId: string, sessions: readonly MentoringSession[]): Promise<CalendarEntry[]> {
    const ids = [...new Set(sessions.flatMap((session) => session.participantIds))];
    const people = new Map((await this.accounts.findByIds(ids)).flatMap((user) => (user ? [[user.id, user]] : [])));
    return sessions.map((session) => {
      const others = session.participantIds.filter((id) => id !== userId).map((id) => people.get(id)?.displayName);
      return { session, title: `Mentoring session with ${others.filter(Boolean).join(', ') || 'your mentor'}` };
    });
  }

  private urlOf(token: string): string {
    return apiPublicUrl(this.config, `/calendar/${token}.ics`);
  }
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}
