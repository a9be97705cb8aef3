import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { QueueName } from './events.js';
import { CONSUMED_QUEUES, EventConsumerHost } from './event-consumer-host.js';

/** Consumes the given queues with the handlers registered anywhere in the app. */
@Module({})
export class EventConsumerModule {
  static forQueues(queues: readonly QueueName[]): DynamicModule {
    return {
      module: EventConsumerModule,
      imports: [DiscoveryModule],
      providers: [{ provide: CONSUMED_QUEUES, useValue: queues }, EventConsumerHost],
      exports: [EventConsumerHost],
    };
  }
}
