import { DateTime } from 'luxon';
import { minutesOfDay, SLOT_STEP_MINUTES, type AvailabilityPolicy } from './availability.js';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** A half-open range of instants, [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** What is already in the way, for the window asked about. */
export interface BusyCalendar {
  timeOff: readonly Interval[];
  /** Every session the mentor takes part in: the mentor's buffer applies around each. */
  mentorSessions: readonly Interval[];
  /** Starts of the sessions the mentor hosts: these count against the weekly cap. */
  hostedStarts: readonly number[];
  /** Sessions of the other participants (a mentee booking): exact times, no buffer. */
  otherSessions: readonly Interval[];
}

export interface SlotWindow {
  from: number;
  to: number;
  durationMinutes: number;
  now: number;
}

/**
 * Bookable slots: starts on quarter hours of the mentor's local clock inside a weekly rule,
 * the whole session inside the rule and the window, no earlier than the notice period, clear
 * of time off, of the mentor's sessions widened by the buffer and of the other participants'
 * sessions, and in a local week (Monday to Sunday) still under the cap. All zone arithmetic is
 * luxon's: on a spring-forward night a local time that does not exist yields nothing, and in
 * the repeated autumn hour each local time is offered once.
 */
export function computeSlots(policy: AvailabilityPolicy, busy: BusyCalendar, window: SlotWindow): Interval[] {
  const zone = policy.timeZone;
  const duration = window.durationMinutes * MINUTE;
  const buffer = policy.bufferMinutes * MINUTE;
  const earliest = Math.max(window.from, window.now + policy.minNoticeHours * 60 * MINUTE);
  const blocked = mergeIntervals([
    ...busy.timeOff,
    ...busy.mentorSessions.map((session) => ({ start: session.start - buffer, end: session.end + buffer })),
    ...busy.otherSessions,
  ]);
  const rulesByWeekday = new Map<number, Array<{ start: number; end: number }>>();
  for (const rule of policy.rules) {
    const list = rulesByWeekday.get(rule.weekday) ?? [];
    list.push({ start: minutesOfDay(rule.startTime), end: minutesOfDay(rule.endTime) });
    rulesByWeekday.set(rule.weekday, list);
  }
  for (const list of rulesByWeekday.values()) list.sort((a, b) => a.start - b.start);
  const slots: Interval[] = [];
  const offer = (start: number): void => {
    const end = start + duration;
    if (start < earliest || end > window.to || overlapsAny(blocked, start, end)) return;
    slots.push({ start, end });
  };

  // Local midnights from the first day to two days past the last (a rule may run on past midnight).
  const days: DateTime[] = [DateTime.fromMillis(window.from, { zone }).startOf('day')];
  const lastDay = DateTime.fromMillis(window.to, { zone }).startOf('day');
  while (days.at(-3)! < lastDay || days.length < 3) days.push(days.at(-1)!.plus({ days: 1 }));
  // On a day whose two midnights are 24 hours apart at one offset the clock does not change, so
  // its local times are its midnight plus minutes; only the other days ask luxon for each time.
  const steady = days.map((day, i) => {
    const next = days[i + 1];
    return (
      next !== undefined && next.offset === day.offset && next.toMillis() - day.toMillis() === DAY_MINUTES * MINUTE
    );
  });
  const weekOf = policy.maxSessionsPerWeek === null ? null : weekIndex(busy.hostedStarts, window, zone);

  for (let i = 0; days[i] <= lastDay; i++) {
    const day = days[i];
    const rules = rulesByWeekday.get(day.weekday);
    if (!rules) continue;
    if (weekOf && weekOf.load(day.toMillis()) >= policy.maxSessionsPerWeek!) continue;
    for (const rule of rules) {
      // A rule ending at midnight runs on into a rule of the next day that starts at midnight.
      const end = rule.end === DAY_MINUTES ? DAY_MINUTES + midnightContinuation(rulesByWeekday, day) : rule.end;
      if (steady[i] && (end <= DAY_MINUTES || steady[i + 1])) {
        const midnight = day.toMillis();
        const ruleEnd = midnight + end * MINUTE;
        for (let minute = rule.start; minute < rule.end; minute += SLOT_STEP_MINUTES) {
          const start = midnight + minute * MINUTE;
          if (start + duration > ruleEnd) break;
          offer(start);
        }
        continue;
      }
      // The clock changes on this day: walk its local times one by one.
      for (let minute = rule.start; minute < rule.end; minute += SLOT_STEP_MINUTES) {
        const local = localTime(day, minute);
        if (!local.exact) continue;
        const start = local.at.toMillis();
        if (wallMinutesSince(day, start + duration, zone) <= end) offer(start);
      }
    }
  }
  return slots;
}

/** Minutes past midnight that the next day's rule starting at midnight adds to a rule ending at midnight. */
function midnightContinuation(
  rulesByWeekday: ReadonlyMap<number, Array<{ start: number; end: number }>>,
  day: DateTime,
) {
  const next = rulesByWeekday.get((day.weekday % 7) + 1)?.[0];
  return next?.start === 0 ? next.end : 0;
}

/**
 * A local time `minute` minutes after the start of `day` by the wall clock (1440 and on fall
 * on the days after); `exact` is false when the clock skipped that time (luxon moved it forward).
 */
function localTime(day: DateTime, minute: number): { at: DateTime; exact: boolean } {
  const days = Math.floor(minute / DAY_MINUTES);
  const date = days > 0 ? day.plus({ days }) : day;
  const wall = minute % DAY_MINUTES;
  const hour = Math.floor(wall / 60);
  const at = date.set({ hour, minute: wall % 60, second: 0, millisecond: 0 });
  return { at, exact: at.hour === hour && at.minute === wall % 60 && at.hasSame(date, 'day') };
}

/** Local wall-clock minutes of an instant counted from the start of `day` (past midnight: 1440 and on). */
function wallMinutesSince(day: DateTime, instant: number, zone: string): number {
  const local = DateTime.fromMillis(instant, { zone });
  const days = Math.round(local.startOf('day').diff(day, 'days').days);
  return days * DAY_MINUTES + local.hour * 60 + local.minute;
}

/**
 * Hosted sessions per local week (Monday to Sunday in the mentor's zone), over the window and
 * a week either side; `load(instant)` answers for the week holding that instant.
 */
function weekIndex(hostedStarts: readonly number[], window: { from: number; to: number }, zone: string) {
  const weekStarts: number[] = [];
  const last = DateTime.fromMillis(window.to, { zone }).plus({ weeks: 1 });
  for (let week = DateTime.fromMillis(window.from, { zone }).startOf('week').minus({ weeks: 1 }); week <= last;) {
    weekStarts.push(week.toMillis());
    week = week.plus({ weeks: 1 });
  }
  const weekAt = (instant: number): number => {
    let low = 0;
    let high = weekStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (weekStarts[mid] <= instant) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  };
  const counts = new Map<number, number>();
  for (const start of hostedStarts) counts.set(weekAt(start), (counts.get(weekAt(start)) ?? 0) + 1);
  return { load: (instant: number): number => counts.get(weekAt(instant)) ?? 0 };
}

/** Sorted, non-overlapping ranges covering the same instants. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** True when [start, end) meets any of the merged ranges (binary search). */
function overlapsAny(merged: readonly Interval[], start: number, end: number): boolean {
  let low = 0;
  let high = merged.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (merged[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const candidate = merged[low];
  return candidate !== undefined && candidate.start < end;
}
