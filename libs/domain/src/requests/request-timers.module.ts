import { Module } from '@nestjs/common';
import { QueueModule } from '@app/platform';
import { RequestExpiryTimerService } from './request-expiry-timer.service.js';
import { RequestsModule } from './requests.module.js';

/** The queue-backed side of requests, for the worker: the api never talks to Redis in a request. */
@Module({
  imports: [RequestsModule, QueueModule],
  providers: [RequestExpiryTimerService],
  exports: [RequestExpiryTimerService, RequestsModule],
})
export class RequestTimersModule {}
