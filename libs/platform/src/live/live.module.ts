import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import mqEmitterRedis from 'mqemitter-redis';
import type { EventEmitter } from 'node:events';
import { CONFIG, type Config } from '../config/index.js';
import { liveTopic, type LiveChannel, type LiveMessages } from './live-topics.js';

export type LiveEmitter = ReturnType<typeof mqEmitterRedis>;
export const LIVE_EMITTER = Symbol('LIVE_EMITTER');

/** Publishes to subscribers on any api instance, through Redis pub/sub. Best effort: a lost message is not retried. */
@Injectable()
export class LivePublisher implements OnApplicationShutdown {
  constructor(
    @Inject(LIVE_EMITTER) private readonly emitter: LiveEmitter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  publish<C extends LiveChannel>(channel: C, userId: string, message: LiveMessages[C]): Promise<void> {
    const topic = liveTopic(this.config.QUEUE_PREFIX, channel, userId);
    return new Promise((resolve, reject) =>
      this.emitter.emit({ topic, payload: message }, (error) => (error ? reject(error) : resolve())),
    );
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.emitter.close(() => resolve()));
  }
}

@Global()
@Module({
  providers: [
    {
      provide: LIVE_EMITTER,
      inject: [CONFIG],
      useFactory: (config: Config): LiveEmitter => {
        const emitter = mqEmitterRedis({ connectionString: config.REDIS_URL });
        // Connection errors are re-emitted on `state` (missing from the package's types);
        // ioredis reconnects by itself, and an unheard 'error' would crash the process.
        (emitter as unknown as { state: EventEmitter }).state.on('error', () => undefined);
        return emitter;
      },
    },
    LivePublisher,
  ],
  exports: [LIVE_EMITTER, LivePublisher],
})
export class LiveModule {}
