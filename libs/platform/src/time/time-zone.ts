import { z } from 'zod';

const known = new Set(Intl.supportedValuesOf('timeZone'));
// supportedValuesOf omits some canonical aliases (UTC, Etc/*); Intl itself knows them.
function intlAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True for IANA zone names such as "America/Sao_Paulo" or "UTC"; false for offsets and junk. */
export function isValidTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  return known.has(name) || intlAccepts(name);
}

/**
 * The name Intl resolves a valid zone to (`america/sao_paulo` → `America/Sao_Paulo`,
 * `US/Eastern` → `America/New_York`), so one zone is always stored under one name.
 */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** Minutes east of UTC that a zone observes at the given instant (DST-aware). */
export function utcOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** A client-supplied zone: validated, then stored under its canonical name. */
export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone name, e.g. America/Sao_Paulo')
  .transform(canonicalTimeZone);
