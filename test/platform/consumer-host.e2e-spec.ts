import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConfigModule,
  createLogger,
  EventConsumerModule,
  HandlesEvent,
  LoggingModule,
  QUEUES,
  type EventHandler,
} from '@app/platform';
import { testConfig } from '@app/testing';

@Injectable()
@HandlesEvent(QUEUES.notifications, 'user.signed_up')
class FirstHandler implements EventHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@HandlesEvent(QUEUES.notifications, 'user.signed_up')
class SecondHandler implements EventHandler {
  async handle(): Promise<void> {}
}

async function boot(handlers: Array<new () => EventHandler>): Promise<void> {
  const config = testConfig();
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(createLogger('test', 'silent')),
      EventConsumerModule.forQueues([QUEUES.notifications]),
    ],
    providers: handlers,
  })
  class ProbeModule {}
  const app = await NestFactory.createApplicationContext(ProbeModule, { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('the event consumer host', () => {
  it('refuses to start when a routed event has no handler', async () => {
    await expect(boot([])).rejects.toThrow('Refusing to start: notifications/user.signed_up has no handler');
  });

  it('refuses to start when an event has two handlers', async () => {
    await expect(boot([FirstHandler, SecondHandler])).rejects.toThrow('notifications/user.signed_up has 2 handlers');
  });

  it('does not complain about an event that has exactly one handler', async () => {
    // Other events may still lack handlers in this probe; only this one's verdict matters.
    const outcome = await boot([FirstHandler]).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(outcome).not.toContain('notifications/user.signed_up');
  });
});
