import { utcOffsetMinutes } from '@app/platform';

export const TIME_ZONE_WINDOW_MINUTES = 180;
// Offsets change only at transitions on quarter hours; one table per quarter hour keeps
// a query from formatting 400 zones.
const BUCKET_MS = 15 * 60_000;

// Intl lists canonical zones only; the UTC spellings are added so mentors using them match.
const CANDIDATES = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];

let table: { bucket: number; offsets: Map<string, number> } | undefined;

function offsetsAt(at: Date): Map<string, number> {
  const bucket = Math.floor(at.getTime() / BUCKET_MS);
  if (table?.bucket !== bucket) {
    const instant = new Date(bucket * BUCKET_MS);
    table = { bucket, offsets: new Map(CANDIDATES.map((zone) => [zone, utcOffsetMinutes(zone, instant)])) };
  }
  return table.offsets;
}

/**
 * Every zone whose offset now lies within ±3h of one of the given zones' offsets now.
 * Computed per query (to the quarter hour), so the filter follows daylight saving as
 * it happens; the engines only compare zone names.
 */
export function zonesNear(zones: readonly string[], at: Date = new Date()): string[] {
  const offsets = offsetsAt(at);
  const wanted = zones.map((zone) => offsets.get(zone) ?? utcOffsetMinutes(zone, at));
  const near = [...offsets].filter(([, offset]) =>
    wanted.some((target) => Math.abs(offset - target) <= TIME_ZONE_WINDOW_MINUTES),
  );
  return [...new Set([...near.map(([zone]) => zone), ...zones])];
}
