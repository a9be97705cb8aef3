import { SetMetadata } from '@nestjs/common';
import type { EventJob, EventType, QueueName } from './events.js';

export const EVENT_HANDLER = Symbol('EVENT_HANDLER');

export interface EventHandlerBinding {
  queue: QueueName;
  type: EventType;
}

/** A consumer of one event type on one queue. It must be idempotent: delivery is at least once. */
export interface EventHandler<T extends EventType = EventType> {
  handle(job: EventJob<T>): Promise<void>;
}

/** Marks a provider as the one handler of `type` on `queue`; the consumer host finds it. */
export const HandlesEvent = (queue: QueueName, type: EventType): ClassDecorator =>
  SetMetadata(EVENT_HANDLER, { queue, type } satisfies EventHandlerBinding);
