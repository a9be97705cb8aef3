const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, … failed attempt: about 24 hours in all, then the delivery is failed. */
export const RETRY_DELAYS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 15 * HOUR];

/** Attempts in all before a delivery is failed: the first send and one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long to wait after `failedAttempts` failures, with ±20 % jitter so webhooks that
 * failed together (a receiver's outage) do not all come back at the same second; null
 * when the delivery has had all its attempts.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}
