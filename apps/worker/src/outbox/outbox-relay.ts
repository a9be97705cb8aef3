import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CONFIG,
  EVENT_ROUTES,
  jobIdForEvent,
  LOGGER,
  QueueRegistry,
  type Config,
  type EventJob,
  type EventType,
  type QueueName,
} from '@app/platform';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

const BATCH = 200;
const RETENTION_DAYS = 7;

interface OutboxRow {
  id: string;
  uid: string;
  type: EventType;
  payload: EventJob['payload'];
  created_at: Date;
}

/**
 * Moves committed outbox events to their queues. Woken by NOTIFY for low latency and
 * by a poll as a safety net (a missed notification, Redis down, a crashed relay). Rows
 * are claimed with SKIP LOCKED, so several workers can relay at once without sending
 * an event twice in the common case; job ids equal event ids, so BullMQ drops the
 * rare duplicate, and consumers are idempotent for the rest.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: pg.Client | undefined;
  private poll: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private redisDownSince: number | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Starts a drain, or asks the running one to go round once more. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once every event committed before the call has been handed to Redis. */
  async flush(): Promise<void> {
    await this.draining;
    await this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
      if (this.redisDownSince !== undefined) {
        this.logger.info({ downMs: Date.now() - this.redisDownSince }, 'outbox relay: queues reachable again');
        this.redisDownSince = undefined;
      }
    } catch (error) {
      if (this.redisDownSince === undefined) {
        this.redisDownSince = Date.now();
        this.logger.warn({ err: error }, 'outbox relay: cannot enqueue; events stay in the outbox and will be retried');
      }
    }
  }

  private async relayBatch(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id::text AS id, uid::text AS uid, type, payload, created_at FROM outbox_events
          WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const perQueue = new Map<QueueName, OutboxRow[]>();
      for (const row of rows) {
        for (const queue of EVENT_ROUTES[row.type] ?? []) perQueue.set(queue, [...(perQueue.get(queue) ?? []), row]);
      }
      // If Redis refuses, the transaction rolls back and the rows wait for the next drain.
      await Promise.all(
        [...perQueue].map(([queue, events]) =>
          this.queues.get(queue).addBulk(
            events.map((event) => ({
              name: event.type,
              data: {
                eventId: event.uid,
                sequence: Number(event.id),
                type: event.type,
                occurredAt: event.created_at.toISOString(),
                payload: event.payload,
              } satisfies EventJob,
              opts: { jobId: jobIdForEvent(event.uid) },
            })),
          ),
        ),
      );
      await manager.query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      await manager.query(
        `DELETE FROM outbox_events WHERE published_at < now() - make_interval(days => ${RETENTION_DAYS})`,
      );
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox relay: LISTEN connection lost; polling until it is back');
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query('LISTEN outbox_events');
    this.listener = client;
  }
}
