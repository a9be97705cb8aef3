export interface LatencyReport {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** requests per second over the whole run */
  throughput: number;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

export function summarise(samples: number[], elapsedMs: number): LatencyReport {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: samples.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    throughput: round((samples.length / elapsedMs) * 1000),
  };
}

/**
 * `clients` concurrent loops share `total` requests; request i runs `work(i)`. A bounded
 * loop, not an open-loop generator: each client waits for its answer before asking again.
 */
export async function runClients(
  clients: number,
  total: number,
  work: (index: number) => Promise<void>,
): Promise<LatencyReport> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const index = next;
        next += 1;
        const t0 = performance.now();
        await work(index);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return summarise(samples, performance.now() - started);
}
