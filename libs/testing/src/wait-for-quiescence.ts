import type { QueueRegistry } from '@app/platform';
import type { DataSource } from 'typeorm';

interface Relay {
  flush(): Promise<void>;
}

const TIMEOUT_MS = 15_000;

/**
 * Waits until the outbox is empty and no queue has waiting or active jobs (delayed
 * ones, such as expiry timers, are left alone). Asserting before this point would
 * race the pipeline; asserting after it needs no sleeps.
 */
export async function waitForQuiescence(db: DataSource, queues: QueueRegistry, relay?: Relay): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    await relay?.flush();
    const [{ pending }] = await db.query<[{ pending: number }]>(
      `SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL`,
    );
    let busy = pending;
    for (const queue of queues.all()) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`pipeline did not settle within ${TIMEOUT_MS} ms (${busy} pending)`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
