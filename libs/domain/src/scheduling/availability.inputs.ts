import { timeZoneSchema } from '@app/platform';
import { z } from 'zod';
import { DEFAULT_MIN_NOTICE_HOURS, MAX_SLOT_WINDOW_DAYS, minutesOfDay } from './availability.js';

const QUARTER_HOUR = /^(?:[01]\d|2[0-3]):(?:00|15|30|45)$/;
const START_TIME = z.string().regex(QUARTER_HOUR, 'must be a local "HH:MM" time on a quarter hour, e.g. "09:15"');
const END_TIME = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):(?:00|15|30|45)|24:00)$/, 'must be a local "HH:MM" time on a quarter hour, or "24:00"');

const ruleSchema = z
  .object({ weekday: z.number().int().min(1).max(7), startTime: START_TIME, endTime: END_TIME })
  .refine((rule) => minutesOfDay(rule.endTime) > minutesOfDay(rule.startTime), {
    path: ['endTime'],
    message: 'must be after startTime',
  });

export const weeklyAvailabilitySchema = z.object({
  timeZone: timeZoneSchema,
  rules: z
    .array(ruleSchema)
    .max(50)
    .superRefine((rules, ctx) => {
      // Sorted per weekday, each rule must start at or after the end of the one before it.
      const order = rules
        .map((rule, index) => ({ ...rule, index }))
        .sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.startTime) - minutesOfDay(b.startTime));
      for (let i = 1; i < order.length; i++) {
        const [before, rule] = [order[i - 1], order[i]];
        if (before.weekday === rule.weekday && minutesOfDay(rule.startTime) < minutesOfDay(before.endTime)) {
          ctx.addIssue({
            code: 'custom',
            path: [rule.index, 'startTime'],
            message: `overlaps another rule of weekday ${rule.weekday} (${before.startTime}-${before.endTime})`,
          });
          return;
        }
      }
    }),
  minNoticeHours: z.number().int().min(0).max(720).nullish(),
  bufferMinutes: z.number().int().min(0).max(240).nullish(),
  maxSessionsPerWeek: z.number().int().min(1).max(100).nullish(),
});
export type WeeklyAvailabilityInput = z.input<typeof weeklyAvailabilitySchema>;

export function withDefaults(input: z.output<typeof weeklyAvailabilitySchema>) {
  return {
    timeZone: input.timeZone,
    rules: input.rules,
    minNoticeHours: input.minNoticeHours ?? DEFAULT_MIN_NOTICE_HOURS,
    bufferMinutes: input.bufferMinutes ?? 0,
    maxSessionsPerWeek: input.maxSessionsPerWeek ?? null,
  };
}

const YEAR_MS = 366 * 86_400_000;

export const timeOffSchema = z
  .object({
    startsAt: z.date(),
    endsAt: z.date(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((off) => off.endsAt.getTime() > off.startsAt.getTime(), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  })
  .refine((off) => off.endsAt.getTime() - off.startsAt.getTime() <= YEAR_MS, {
    path: ['endsAt'],
    message: 'time off spans at most a year',
  });
export type TimeOffInput = z.input<typeof timeOffSchema>;

const DAY_MS = 86_400_000;

/** The arguments of availableSlots; the window is named by its `to` end when it is wrong. */
export const slotQuerySchema = z
  .object({
    from: z.date(),
    to: z.date(),
    durationMinutes: z.number().int().min(15).max(240),
  })
  .refine((q) => q.to.getTime() > q.from.getTime(), { path: ['to'], message: 'must be after from' })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_SLOT_WINDOW_DAYS * DAY_MS, {
    path: ['to'],
    message: `the window is at most ${MAX_SLOT_WINDOW_DAYS} days`,
  });
