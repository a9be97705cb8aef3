import { SetMetadata } from '@nestjs/common';
import type { EventJob, EventType, QueueName } from './events.js';
import { SCHEDULED_JOB_QUEUES, type ScheduledJob, type ScheduledJobName } from './scheduled-jobs.js';

export const EVENT_HANDLER = Symbol('EVENT_HANDLER');

export interface EventHandlerBinding {
  queue: QueueName;
  types: ReadonlyArray<EventType | ScheduledJobName>;
}

/** A consumer of one event type on one queue. It must be idempotent: delivery is at least once. */
export interface EventHandler<T extends EventType = EventType> {
  handle(job: EventJob<T>): Promise<void>;
}

/**
 * Marks a provider as the one handler of `type` on `queue` (or of several types, for a
 * consumer that treats every event of its queue alike); the consumer host finds it.
 */
export const HandlesEvent = (queue: QueueName, type: EventType | readonly EventType[]): ClassDecorator =>
  SetMetadata(EVENT_HANDLER, { queue, types: typeof type === 'string' ? [type] : type } satisfies EventHandlerBinding);

/** A runner of one scheduled job. Like event handlers it must be idempotent. */
export interface ScheduledJobHandler<J extends ScheduledJobName = ScheduledJobName> {
  handle(job: ScheduledJob<J>): Promise<void>;
}

/** What the consumer host dispatches to: an event handler or a scheduled job handler. */
export interface JobHandler {
  handle(job: EventJob | ScheduledJob): Promise<void>;
}

/** Marks a provider as the one runner of a scheduled job, on the queue that job is declared for. */
export const HandlesScheduledJob = (name: ScheduledJobName): ClassDecorator =>
  SetMetadata(EVENT_HANDLER, { queue: SCHEDULED_JOB_QUEUES[name], types: [name] } satisfies EventHandlerBinding);
