import { DateTime } from 'luxon';
import type { AvailabilityPolicy, AvailabilityRule } from './availability.js';
import { computeSlots, type BusyCalendar, type Interval } from './slot-calculator.js';

const NONE: BusyCalendar = { timeOff: [], mentorSessions: [], hostedStarts: [], otherSessions: [] };
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000', '');
const LONG_AGO = at('2000-01-01T00:00:00Z');

function policy(
  timeZone: string,
  rules: AvailabilityRule[],
  extra: Partial<AvailabilityPolicy> = {},
): AvailabilityPolicy {
  return { timeZone, rules, minNoticeHours: 0, bufferMinutes: 0, maxSessionsPerWeek: null, ...extra };
}

function slots(
  p: AvailabilityPolicy,
  from: string,
  to: string,
  durationMinutes = 60,
  busy: BusyCalendar = NONE,
  now = LONG_AGO,
): Interval[] {
  return computeSlots(p, busy, { from: at(from), to: at(to), durationMinutes, now });
}

/** Local wall times of the slot starts, in the zone given. */
const local = (list: Interval[], zone: string): string[] =>
  list.map((slot) => DateTime.fromMillis(slot.start, { zone }).toFormat('HH:mm'));

describe('computeSlots', () => {
  const weekdays9to5 = (zone: string): AvailabilityPolicy =>
    policy(
      zone,
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
    );

  it('maps a 09:00-17:00 Europe/Berlin rule to 08:00-16:00Z in January and 07:00-15:00Z in July', () => {
    const january = slots(weekdays9to5('Europe/Berlin'), '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z');
    expect(iso(january[0].start)).toBe('2027-01-11T08:00:00Z');
    expect(iso(january.at(-1)!.end)).toBe('2027-01-11T16:00:00Z');
    expect(january).toHaveLength(29); // 08:00..15:00 every 15 minutes
    const july = slots(weekdays9to5('Europe/Berlin'), '2027-07-12T00:00:00Z', '2027-07-13T00:00:00Z');
    expect(iso(july[0].start)).toBe('2027-07-12T07:00:00Z');
    expect(iso(july.at(-1)!.end)).toBe('2027-07-12T15:00:00Z');
  });

  it('offers nothing in the hour Berlin skips on the spring-forward night', () => {
    // 2027-03-28: 02:00 CET becomes 03:00 CEST.
    const night = policy('Europe/Berlin', [{ weekday: 7, startTime: '01:00', endTime: '04:00' }]);
    const list = slots(night, '2027-03-27T12:00:00Z', '2027-03-28T12:00:00Z');
    expect(local(list, 'Europe/Berlin')).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00']);
    // Each is a real hour long and ends by 04:00 local.
    expect(list.map((slot) => slot.end - slot.start)).toEqual(Array(5).fill(3_600_000));
    expect(iso(list[3].start)).toBe('2027-03-28T00:45:00Z');
    expect(iso(list[4].start)).toBe('2027-03-28T01:00:00Z');
  });

  it('offers each local time of the repeated autumn hour once', () => {
    // 2027-10-31: 03:00 CEST becomes 02:00 CET, so 02:00-02:59 happens twice.
    const night = policy('Europe/Berlin', [{ weekday: 7, startTime: '01:00', endTime: '04:00' }]);
    const list = slots(night, '2027-10-30T12:00:00Z', '2027-10-31T12:00:00Z', 15);
    const times = local(list, 'Europe/Berlin');
    expect(new Set(times).size).toBe(times.length);
    expect(times).toEqual(
      ['01', '02', '03'].flatMap((hour) => ['00', '15', '30', '45'].map((minute) => `${hour}:${minute}`)),
    );
    expect(list.every((slot, i) => i === 0 || slot.start > list[i - 1].start)).toBe(true);
  });

  it('handles half- and three-quarter-hour offsets (Asia/Kolkata, Asia/Kathmandu)', () => {
    const kolkata = slots(weekdays9to5('Asia/Kolkata'), '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z');
    expect(iso(kolkata[0].start)).toBe('2027-01-11T03:30:00Z');
    expect(iso(kolkata.at(-1)!.end)).toBe('2027-01-11T11:30:00Z');
    const kathmandu = slots(weekdays9to5('Asia/Kathmandu'), '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z');
    expect(iso(kathmandu[0].start)).toBe('2027-01-11T03:15:00Z');
    expect(iso(kathmandu.at(-1)!.end)).toBe('2027-01-11T11:15:00Z');
    expect(local(kathmandu, 'Asia/Kathmandu').every((time) => /:(00|15|30|45)$/.test(time))).toBe(true);
  });

  it('follows Australia/Sydney daylight saving, which runs opposite to Europe', () => {
    // Monday 11 January 2027 is summer (UTC+11); Monday 12 July 2027 is winter (UTC+10).
    const summer = slots(weekdays9to5('Australia/Sydney'), '2027-01-10T12:00:00Z', '2027-01-11T12:00:00Z');
    expect(iso(summer[0].start)).toBe('2027-01-10T22:00:00Z');
    const winter = slots(weekdays9to5('Australia/Sydney'), '2027-07-11T12:00:00Z', '2027-07-12T12:00:00Z');
    expect(iso(winter[0].start)).toBe('2027-07-11T23:00:00Z');
    // The first Sunday of October 2027 skips 02:00-03:00 local.
    const night = policy('Australia/Sydney', [{ weekday: 7, startTime: '01:30', endTime: '03:30' }]);
    expect(local(slots(night, '2027-10-02T00:00:00Z', '2027-10-03T12:00:00Z', 30), 'Australia/Sydney')).toEqual([
      '01:30',
      '01:45', // 30 real minutes: it ends at 03:15 local
      '03:00',
    ]);
  });

  it('leaves out time off, the notice period and the window edges', () => {
    const p = { ...weekdays9to5('UTC'), minNoticeHours: 2 };
    const busy = { ...NONE, timeOff: [{ start: at('2027-01-11T12:00:00Z'), end: at('2027-01-11T13:00:00Z') }] };
    const list = slots(p, '2027-01-11T00:00:00Z', '2027-01-11T16:00:00Z', 60, busy, at('2027-01-11T08:10:00Z'));
    const starts = list.map((slot) => iso(slot.start).slice(11, 16));
    expect(starts[0]).toBe('10:15'); // two hours' notice after 08:10
    expect(starts).not.toContain('11:15'); // would run into the time off
    expect(starts).toContain('11:00');
    expect(starts).toContain('13:00');
    expect(starts.at(-1)).toBe('15:00');
  });

  it("widens the mentor's sessions by the buffer, but not the other participant's", () => {
    const p = { ...weekdays9to5('UTC'), bufferMinutes: 30 };
    const session = { start: at('2027-01-11T12:00:00Z'), end: at('2027-01-11T13:00:00Z') };
    const mentorBusy = slots(p, '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z', 60, {
      ...NONE,
      mentorSessions: [session],
    });
    const mentorStarts = mentorBusy.map((slot) => iso(slot.start).slice(11, 16));
    expect(mentorStarts).toContain('10:30');
    expect(mentorStarts).not.toContain('10:45');
    expect(mentorStarts).not.toContain('13:15');
    expect(mentorStarts).toContain('13:30');
    const menteeBusy = slots(p, '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z', 60, {
      ...NONE,
      otherSessions: [session],
    });
    const menteeStarts = menteeBusy.map((slot) => iso(slot.start).slice(11, 16));
    expect(menteeStarts).toContain('11:00');
    expect(menteeStarts).not.toContain('11:15');
    expect(menteeStarts).toContain('13:00');
  });

  it('lets a session run past midnight into a rule of the next day that starts at midnight', () => {
    const evenings = policy('Europe/Berlin', [
      { weekday: 1, startTime: '22:00', endTime: '24:00' },
      { weekday: 2, startTime: '00:00', endTime: '01:00' },
    ]);
    const list = slots(evenings, '2027-01-11T00:00:00Z', '2027-01-13T00:00:00Z', 60);
    expect(local(list, 'Europe/Berlin')).toEqual([
      '22:00',
      '22:15',
      '22:30',
      '22:45',
      '23:00',
      '23:15',
      '23:30',
      '23:45',
      '00:00',
    ]);
    const alone = policy('Europe/Berlin', [{ weekday: 1, startTime: '22:00', endTime: '24:00' }]);
    expect(local(slots(alone, '2027-01-11T00:00:00Z', '2027-01-13T00:00:00Z', 60), 'Europe/Berlin').at(-1)).toBe(
      '23:00',
    );
  });

  it('offers nothing in a local week that reached the cap', () => {
    const p = { ...weekdays9to5('America/New_York'), maxSessionsPerWeek: 2 };
    // Two sessions on Monday 11 January 2027 fill that week; the next week is open.
    const hostedStarts = [at('2027-01-11T15:00:00Z'), at('2027-01-11T17:00:00Z')];
    const list = slots(p, '2027-01-11T00:00:00Z', '2027-01-19T00:00:00Z', 60, { ...NONE, hostedStarts });
    const days = new Set(list.map((slot) => DateTime.fromMillis(slot.start, { zone: 'America/New_York' }).toISODate()));
    expect([...days]).toEqual(['2027-01-18']);
  });
});
