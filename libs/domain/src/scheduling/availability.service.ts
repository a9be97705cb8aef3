import { Injectable } from '@nestjs/common';
import { assertId, DomainError, parseInput, UnitOfWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import {
  timeOffSchema,
  weeklyAvailabilitySchema,
  withDefaults,
  type TimeOffInput,
  type WeeklyAvailabilityInput,
} from './availability.inputs.js';
import { DEFAULT_MIN_NOTICE_HOURS, type Availability, type AvailabilityPolicy, type TimeOff } from './availability.js';

const TIME_OFF_COLUMNS = `id, starts_at AS "startsAt", ends_at AS "endsAt", note`;

/** A mentor's weekly rules, notice, buffer, cap and time off: written by the mentor, read by the mentor. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly profiles: MentorProfilesService,
  ) {}

  /** The mentor's availability; defaults (no rules yet, in the profile's zone) until first set. */
  async view(userId: string): Promise<Availability> {
    const [settings, timeOff] = await Promise.all([
      this.db.query<AvailabilityPolicy[]>(
        `SELECT time_zone AS "timeZone", rules, min_notice_hours AS "minNoticeHours", buffer_minutes AS "bufferMinutes",
                max_sessions_per_week AS "maxSessionsPerWeek"
           FROM availability_settings WHERE user_id = $1`,
        [userId],
      ),
      // Time off that is over changes nothing any more; only what still matters is shown.
      this.db.query<TimeOff[]>(
        `SELECT ${TIME_OFF_COLUMNS} FROM time_off WHERE user_id = $1 AND ends_at > now() ORDER BY starts_at, id`,
        [userId],
      ),
    ]);
    return { ...(settings[0] ?? (await this.defaults(userId))), timeOff };
  }

  async setWeekly(userId: string, raw: WeeklyAvailabilityInput): Promise<Availability> {
    const input = withDefaults(parseInput(weeklyAvailabilitySchema, raw, 'input'));
    await this.assertMentor(userId);
    await this.uow.run((tx) =>
      tx.manager.query(
        `INSERT INTO availability_settings (user_id, time_zone, rules, min_notice_hours, buffer_minutes, max_sessions_per_week)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, rules = EXCLUDED.rules,
         min_notice_hours = EXCLUDED.min_notice_hours, buffer_minutes = EXCLUDED.buffer_minutes,
         max_sessions_per_week = EXCLUDED.max_sessions_per_week, updated_at = now()`,
        [
          userId,
          input.timeZone,
          JSON.stringify(input.rules),
          input.minNoticeHours,
          input.bufferMinutes,
          input.maxSessionsPerWeek,
        ],
      ),
    );
    return this.view(userId);
  }

  async addTimeOff(userId: string, raw: TimeOffInput): Promise<Availability> {
    const input = parseInput(timeOffSchema, raw, 'input');
    await this.assertMentor(userId);
    await this.uow.run((tx) =>
      tx.manager.query(`INSERT INTO time_off (user_id, starts_at, ends_at, note) VALUES ($1, $2, $3, $4)`, [
        userId,
        input.startsAt,
        input.endsAt,
        input.note || null,
      ]),
    );
    return this.view(userId);
  }

  /** Only the owner's own time off; any other id is simply not found. */
  async removeTimeOff(userId: string, id: string): Promise<Availability> {
    assertId(id, 'Time off');
    const [, removed] = await this.uow.run((tx) =>
      tx.manager.query<[unknown[], number]>(`DELETE FROM time_off WHERE id = $1 AND user_id = $2`, [id, userId]),
    );
    if (removed === 0) throw DomainError.notFound('Time off');
    return this.view(userId);
  }

  private async assertMentor(userId: string): Promise<void> {
    if (!(await this.profiles.findByUserId(userId))) {
      throw DomainError.forbidden('Only mentors set availability: create a mentor profile first');
    }
  }

  private async defaults(userId: string): Promise<AvailabilityPolicy> {
    const profile = await this.profiles.findByUserId(userId);
    return {
      timeZone: profile?.timeZone ?? 'UTC',
      rules: [],
      minNoticeHours: DEFAULT_MIN_NOTICE_HOURS,
      bufferMinutes: 0,
      maxSessionsPerWeek: null,
    };
  }
}
