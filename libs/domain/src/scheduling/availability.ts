/** One weekly range in the mentor's own zone: ISO weekday 1 (Monday) .. 7, local "HH:MM" times. */
export interface AvailabilityRule {
  weekday: number;
  startTime: string;
  /** "24:00" is the end of the day. */
  endTime: string;
}

export interface TimeOff {
  id: string;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
}

/** How a mentor can be booked: rules in their zone, notice, buffers, a weekly cap and time off. */
export interface AvailabilityPolicy {
  timeZone: string;
  rules: AvailabilityRule[];
  minNoticeHours: number;
  bufferMinutes: number;
  maxSessionsPerWeek: number | null;
}

export interface Availability extends AvailabilityPolicy {
  timeOff: TimeOff[];
}

export const DEFAULT_MIN_NOTICE_HOURS = 12;
/** Slots start on quarter hours of the mentor's local clock. */
export const SLOT_STEP_MINUTES = 15;
/** The longest window availableSlots answers for. */
export const MAX_SLOT_WINDOW_DAYS = 62;

/** Minutes since local midnight of an "HH:MM" time ("24:00" = 1440). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
