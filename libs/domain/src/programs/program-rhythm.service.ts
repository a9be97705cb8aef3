import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What a participant left undone in a rhythm window: meeting, or checking in on a meeting held. */
export type RhythmGap = 'SESSION' | 'CHECK_IN';

export interface RhythmLapse {
  mentorshipId: string;
  programName: string;
  checkInEveryDays: number;
  /** Which window since the mentorship started (0, 1, 2, …): one nudge per participant per window. */
  window: number;
  recipientId: string;
  partnerId: string;
  gap: RhythmGap;
  /** The latest session held in the window, the one to check in on; null for a SESSION gap. */
  sessionId: string | null;
}

/**
 * A running program asks each pair to meet and check in every `checkInEveryDays` days. Each
 * ACTIVE mentorship of a RUNNING program runs in windows of that many days from its start;
 * once a window has closed, each participant is judged on it:
 * - SESSION: no session of the pair was held (COMPLETED) or is booked (SCHEDULED) from the
 *   window's opening to the end of the window now running. A booked next meeting counts, so
 *   a pair already on it hears nothing; a cancelled session or a no-show is not a meeting.
 * - CHECK_IN: sessions were held in the window, and this participant checked in on none of them.
 * Only the window that closed last is judged, so a sweep that was down for weeks nudges once,
 * about the latest window, not about every window it missed.
 */
@Injectable()
export class ProgramRhythmService {
  constructor(private readonly db: DataSource) {}

  lapsed(now: Date = new Date()): Promise<RhythmLapse[]> {
    // Windows are counted in fixed 24-hour days, so a daylight-saving change never moves them.
    return this.db.query<RhythmLapse[]>(
      `WITH judged AS (
         SELECT m.id, m.mentee_id, m.mentor_user_id, p.name, p.check_in_every_days AS days, w.index,
                m.started_at + w.index * w.span AS opens, m.started_at + (w.index + 1) * w.span AS closes, w.span
           FROM mentorships m
           JOIN programs p ON p.id = m.program_id AND p.status = 'RUNNING'
          CROSS JOIN LATERAL (
            SELECT p.check_in_every_days * interval '24 hours' AS span,
                   floor(extract(epoch FROM $1::timestamptz - m.started_at) / (p.check_in_every_days * 86400))::int - 1
                     AS index) w
          WHERE m.status = 'ACTIVE' AND w.index >= 0)
       SELECT j.id AS "mentorshipId", j.name AS "programName", j.days AS "checkInEveryDays", j.index AS "window",
              person.id AS "recipientId", person.partner AS "partnerId",
              CASE WHEN e.met THEN 'CHECK_IN' ELSE 'SESSION' END AS gap, e.held[1] AS "sessionId"
         FROM judged j
        CROSS JOIN LATERAL (
          SELECT EXISTS (SELECT 1 FROM sessions s
                          WHERE s.mentorship_id = j.id AND s.status IN ('SCHEDULED', 'COMPLETED')
                            AND s.starts_at >= j.opens AND s.starts_at < j.closes + j.span) AS met,
                 ARRAY(SELECT s.id FROM sessions s
                        WHERE s.mentorship_id = j.id AND s.status = 'COMPLETED'
                          AND s.starts_at >= j.opens AND s.starts_at < j.closes
                        ORDER BY s.starts_at DESC) AS held) e
        CROSS JOIN LATERAL (VALUES (j.mentee_id, j.mentor_user_id), (j.mentor_user_id, j.mentee_id)) AS person(id, partner)
        WHERE NOT e.met
           OR (cardinality(e.held) > 0
               AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.session_id = ANY(e.held) AND c.author_id = person.id))
        ORDER BY j.id, person.id`,
      [now],
    );
  }
}
