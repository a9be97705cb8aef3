import { Injectable } from '@nestjs/common';
import { QueueRegistry } from '@app/platform';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Operation names come from clients; bound the label set so nobody can blow up the registry.
const MAX_OPERATION_LABELS = 200;

/** Prometheus metrics of this api process: its own registry, so several apps can share a process. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly seen = new Set<string>();
  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(queues: QueueRegistry) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.all().map(async (queue) => {
            const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null);
            for (const [state, count] of Object.entries(counts ?? {})) this.set({ queue: queue.name, state }, count);
          }),
        );
      },
    });
  }

  observe(rawOperation: unknown, seconds: number, ok: boolean): void {
    const operation = this.label(rawOperation);
    this.requests.inc({ operation, outcome: ok ? 'ok' : 'error' });
    this.duration.observe({ operation }, seconds);
  }

  private label(raw: unknown): string {
    if (typeof raw !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(raw)) return 'anonymous';
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= MAX_OPERATION_LABELS) return 'other';
    this.seen.add(raw);
    return raw;
  }
}
