import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Mentorship } from '../mentorships/mentorship.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import type { Cadence } from '../mentorship-terms/mentorship-terms.js';
import { SESSION_OF_MENTORSHIP } from './session.js';

const DAY_MS = 86_400_000;

/** The window each cadence promises a session in; AD_HOC promises none. */
export const CADENCE_DAYS: Readonly<Partial<Record<Cadence, number>>> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 31 };

export interface LapsedMentorship {
  mentorship: Mentorship;
  cadenceDays: number;
  /** Which window since the start this is (0, 1, 2, …): one nudge per window. */
  window: number;
}

/**
 * Which active mentorships let their cadence lapse: started at least one window ago, with no
 * session (other than a cancelled one) starting within one window before or after now. A group
 * member's sessions are the group's sessions they take part in.
 */
@Injectable()
export class SessionCadenceService {
  constructor(
    private readonly db: DataSource,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  async lapsed(now: Date = new Date()): Promise<LapsedMentorship[]> {
    const candidates = (await this.mentorships.activeWithCadence()).flatMap((mentorship) => {
      const cadenceDays = CADENCE_DAYS[mentorship.cadence];
      const age = now.getTime() - mentorship.startedAt.getTime();
      if (!cadenceDays || age < cadenceDays * DAY_MS) return [];
      return [{ mentorship, cadenceDays, window: Math.floor(age / (cadenceDays * DAY_MS)) }];
    });
    if (candidates.length === 0) return [];
    const kept = await this.db.query<Array<{ id: string }>>(
      `SELECT m.id FROM unnest($1::uuid[], $2::int[]) AS c(id, days) JOIN mentorships m ON m.id = c.id
        WHERE EXISTS (SELECT 1 FROM sessions s
                       WHERE ${SESSION_OF_MENTORSHIP} AND s.status <> 'CANCELLED'
                         AND s.starts_at > $3::timestamptz - make_interval(days => c.days)
                         AND s.starts_at < $3::timestamptz + make_interval(days => c.days))`,
      [candidates.map((c) => c.mentorship.id), candidates.map((c) => c.cadenceDays), now],
    );
    const keptIds = new Set(kept.map((row) => row.id));
    return candidates.filter((candidate) => !keptIds.has(candidate.mentorship.id));
  }
}
