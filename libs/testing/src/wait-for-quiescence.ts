import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

interface Relay {
  flush(): Promise<void>;
}

const TIMEOUT_MS = 15_000;

/**
 * Waits until the outbox is empty (when a relay runs) and no consumed queue has
 * waiting or active jobs (delayed ones, such as expiry timers, are left alone).
 * Asserting before this point would race the pipeline; after it needs no sleeps.
 */
export async function waitForQuiescence(db: DataSource, queues: readonly Queue[], relay?: Relay): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    let busy = 0;
    await relay?.flush();
    for (const queue of queues) {
      // Right after Redis comes back the fail-fast producer connection may not be up yet:
      // that counts as not settled, not as a failure.
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children').catch(() => null);
      busy += counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 1;
    }
    // After the queues: a job that emitted an event and finished just before they were
    // counted has committed that event by now, so it is seen here.
    if (relay) {
      const [{ pending }] = await db.query<[{ pending: number }]>(
        `SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL`,
      );
      busy += pending;
    }
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`pipeline did not settle within ${TIMEOUT_MS} ms (${busy} pending)`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits (briefly) until no job is running on the given queues. */
export async function waitForIdleWorkers(queues: readonly Queue[]): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const active = await Promise.all(queues.map((queue) => queue.getActiveCount()));
    if (active.every((count) => count === 0) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
