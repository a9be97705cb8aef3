import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CONFIG, type Config } from '../config/index.js';
import { LOGGER } from '../logging/index.js';
import { declaredJobs, QUEUE_CONCURRENCY, type EventJob, type QueueName } from './events.js';
import { EVENT_HANDLER, type EventHandlerBinding, type JobHandler } from './event-handler.js';
import { declaredScheduledJobs, type ScheduledJob } from './scheduled-jobs.js';
import { createRedis } from './redis.js';

export const CONSUMED_QUEUES = Symbol('CONSUMED_QUEUES');

/**
 * Runs one BullMQ worker per consumed queue and dispatches each job to its one
 * handler. Refuses to start when a declared job has no handler or more than one,
 * so an event can never pile up unconsumed or be handled twice by accident.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONSUMED_QUEUES) private readonly queues: readonly QueueName[],
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = this.collectHandlers();
    for (const queue of this.queues) {
      const connection = createRedis(this.config.REDIS_URL, 'consumer');
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job<EventJob | ScheduledJob>) => this.dispatch(queue, job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: QUEUE_CONCURRENCY[queue] ?? 8,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.warn({ queue, err: error }, 'queue worker error'));
      this.workers.push(worker);
    }
  }

  /** Lets in-flight jobs finish before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    // BullMQ leaves a connection it was given open; it is ours to close.
    for (const connection of this.connections) connection.disconnect();
  }

  private async dispatch(queue: QueueName, job: Job<EventJob | ScheduledJob>): Promise<void> {
    const handler = this.handlers.get(`${queue}/${job.name}`);
    if (!handler) throw new Error(`no handler for ${job.name} on ${queue}`);
    await handler.handle(job.data);
  }

  private collectHandlers(): Map<string, JobHandler> {
    const found = new Map<string, JobHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const target = wrapper.metatype;
      if (!target || !wrapper.instance) continue;
      const binding = this.reflector.get<EventHandlerBinding | undefined>(EVENT_HANDLER, target);
      if (!binding || !this.queues.includes(binding.queue)) continue;
      for (const type of binding.types) {
        const key = `${binding.queue}/${type}`;
        found.set(key, [...(found.get(key) ?? []), wrapper.instance as JobHandler]);
      }
    }
    const problems: string[] = [];
    const declared = new Set(
      [...declaredJobs(this.queues), ...declaredScheduledJobs(this.queues)].map(
        ({ queue, name }) => `${queue}/${name}`,
      ),
    );
    for (const key of declared) {
      const count = found.get(key)?.length ?? 0;
      if (count !== 1) problems.push(`${key} has ${count === 0 ? 'no handler' : `${count} handlers`}`);
    }
    for (const key of found.keys()) {
      if (!declared.has(key)) problems.push(`${key} is handled but never routed to that queue`);
    }
    if (problems.length > 0) throw new Error(`Refusing to start: ${problems.join('; ')}`);
    return new Map([...found].map(([key, [handler]]) => [key, handler]));
  }
}
