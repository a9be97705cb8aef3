/** How many refused callers are remembered; forgetting one only costs a Redis call. */
const MAX_REMEMBERED = 10_000;

export interface Refusal {
  remaining: number;
  resetAt: number;
}

/**
 * Callers Redis refused in their current window, with the points it reported left. Within
 * a window points are only ever spent, by any api instance, never given back, so until
 * `resetAt` an operation dearer than that is refused without asking Redis again: a caller
 * hammering past their budget costs no round trip per request.
 */
export class RefusedCallers {
  private readonly refusals = new Map<string, Refusal>();

  /** The refusal `cost` would meet now, from memory; undefined when only Redis can tell. */
  refusalFor(caller: string, cost: number, now = Date.now()): Refusal | undefined {
    const refusal = this.refusals.get(caller);
    if (!refusal) return undefined;
    if (refusal.resetAt <= now) {
      this.refusals.delete(caller);
      return undefined;
    }
    return cost > refusal.remaining ? refusal : undefined;
  }

  /** Records what Redis answered: a refusal is remembered, and a remembered caller's points kept current. */
  record(caller: string, allowed: boolean, refusal: Refusal): void {
    if (!allowed) {
      // Re-inserted at the end, so the map's first key is the oldest refusal.
      this.refusals.delete(caller);
      this.refusals.set(caller, refusal);
      if (this.refusals.size > MAX_REMEMBERED) this.refusals.delete(this.refusals.keys().next().value!);
    } else if (this.refusals.has(caller)) {
      this.refusals.set(caller, refusal);
    }
  }
}
