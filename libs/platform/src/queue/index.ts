export * from './events.js';
export * from './redis.js';
export * from './job-options.js';
export * from './queue-registry.js';
export * from './queue.module.js';
export * from './event-handler.js';
export * from './event-consumer-host.js';
export * from './event-consumer.module.js';
