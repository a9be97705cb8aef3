import { Injectable } from '@nestjs/common';
import { DomainError, parseInput, type Transaction } from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { isVisibleTo } from '../profiles/mentor-profile-visibility.js';
import { slotQuerySchema } from './availability.inputs.js';
import type { AvailabilityPolicy } from './availability.js';
import { computeSlots, type BusyCalendar, type Interval } from './slot-calculator.js';

const DAY_MS = 86_400_000;
/** Read this far around a window: whole local weeks for the cap, and every buffer (at most 4 h). */
const MARGIN_MS = 8 * DAY_MS;

export interface SlotCheck {
  hostId: string;
  /** The other participants: their own sessions must be free too. */
  otherIds: readonly string[];
  startsAt: Date;
  durationMinutes: number;
  /** The session being moved, which must not stand in its own way. */
  excludeSessionId: string | null;
}

type Pair = [number, number];
interface CalendarRow {
  policy: AvailabilityPolicy | null;
  timeOff: Pair[];
  busy: Array<[isMentor: boolean, hosts: boolean, start: number, end: number]>;
}

/**
 * Free time of a mentor. Everything in the way is read in one statement and the slots are
 * computed in memory, so a 62-day window costs one round trip after the profile.
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly db: DataSource,
    private readonly profiles: MentorProfilesService,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  /**
   * What availableSlots offers the caller. When the caller is a mentee of this mentor,
   * the caller's own sessions are left out too, so they are only offered times they are free.
   */
  async available(
    callerId: string,
    mentorProfileId: string,
    raw: { from: Date; to: Date; durationMinutes: number },
  ): Promise<Interval[]> {
    const query = parseInput(slotQuerySchema, raw, '');
    const profile = await this.profiles.findById(mentorProfileId);
    if (!profile || !isVisibleTo(profile, callerId)) throw DomainError.notFound('Mentor');
    if (!profile.sessionLengths.includes(query.durationMinutes)) {
      throw DomainError.badInput('durationMinutes', `This mentor offers ${profile.sessionLengths.join(', ')} minutes`);
    }
    const isMentee = callerId !== profile.userId && (await this.mentorships.isActiveMentee(callerId, profile.id));
    const window = { from: query.from.getTime(), to: query.to.getTime() };
    const calendar = await this.read(this.db.manager, profile.userId, isMentee ? [callerId] : [], window, null);
    if (!calendar) return [];
    return computeSlots(calendar.policy, calendar.busy, {
      ...window,
      durationMinutes: query.durationMinutes,
      now: Date.now(),
    });
  }

  /**
   * Re-checks a booking inside its transaction, after the participants' schedule locks:
   * the time must be one availableSlots would offer, with the other participants free.
   */
  async assertOffered(tx: Transaction, check: SlotCheck): Promise<void> {
    const from = check.startsAt.getTime();
    const window = { from, to: from + check.durationMinutes * 60_000 };
    const calendar = await this.read(tx.manager, check.hostId, check.otherIds, window, check.excludeSessionId);
    const slots = calendar
      ? computeSlots(calendar.policy, calendar.busy, {
          ...window,
          durationMinutes: check.durationMinutes,
          now: Date.now(),
        })
      : [];
    if (!slots.some((slot) => slot.start === from)) {
      throw DomainError.conflict('This time is not available: pick one of availableSlots', { reason: 'SLOT_TAKEN' });
    }
  }

  private async read(
    manager: EntityManager,
    hostId: string,
    otherIds: readonly string[],
    window: { from: number; to: number },
    excludeSessionId: string | null,
  ): Promise<{ policy: AvailabilityPolicy; busy: BusyCalendar } | null> {
    const [row] = await manager.query<CalendarRow[]>(
      `SELECT
         (SELECT json_build_object('timeZone', a.time_zone, 'rules', a.rules, 'minNoticeHours', a.min_notice_hours,
                   'bufferMinutes', a.buffer_minutes, 'maxSessionsPerWeek', a.max_sessions_per_week)
            FROM availability_settings a WHERE a.user_id = $1) AS policy,
         (SELECT coalesce(json_agg(json_build_array(
                   extract(epoch FROM t.starts_at) * 1000, extract(epoch FROM t.ends_at) * 1000)), '[]')
            FROM time_off t
           WHERE t.user_id = $1 AND tstzrange(t.starts_at, t.ends_at) && tstzrange($3, $4)) AS "timeOff",
         (SELECT coalesce(json_agg(json_build_array(p.user_id = $1, s.host_id = $1,
                   extract(epoch FROM lower(p.during)) * 1000, extract(epoch FROM upper(p.during)) * 1000)), '[]')
            FROM session_participants p JOIN sessions s ON s.id = p.session_id
           WHERE p.active AND p.user_id = ANY($2::uuid[]) AND p.during && tstzrange($3, $4)
             AND p.session_id IS DISTINCT FROM $5::uuid) AS busy`,
      [
        hostId,
        [hostId, ...otherIds],
        new Date(window.from - MARGIN_MS),
        new Date(window.to + MARGIN_MS),
        excludeSessionId,
      ],
    );
    if (!row?.policy) return null;
    const mine = row.busy.filter(([isMentor]) => isMentor);
    return {
      policy: row.policy,
      busy: {
        timeOff: row.timeOff.map(toInterval),
        mentorSessions: mine.map(([, , start, end]) => ({ start, end })),
        hostedStarts: mine.filter(([, hosts]) => hosts).map(([, , start]) => start),
        otherSessions: row.busy.filter(([isMentor]) => !isMentor).map(([, , start, end]) => ({ start, end })),
      },
    };
  }
}

function toInterval([start, end]: Pair): Interval {
  return { start, end };
}
