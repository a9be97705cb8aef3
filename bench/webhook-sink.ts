import { createServer } from 'node:http';
import { once } from 'node:events';

export interface Arrival {
  at: number;
  /** The body's `id` (the event id), or the baseline job's id. */
  id: string;
}

export interface Sink {
  url: string;
  arrivals: Arrival[];
  /** Resolves once `count` requests have arrived in all. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** A local receiver that answers 204 at once and notes when each POST arrived. */
export async function startSink(): Promise<Sink> {
  const arrivals: Arrival[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      arrivals.push({ at: performance.now(), id });
      res.writeHead(204).end();
      for (const waiter of waiters.filter((w) => arrivals.length >= w.count)) waiter.resolve();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    arrivals,
    waitFor: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (arrivals.length >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`only ${arrivals.length} of ${count} deliveries arrived`)),
          timeoutMs,
        );
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
