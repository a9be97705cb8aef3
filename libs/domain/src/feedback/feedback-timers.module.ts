import { Module } from '@nestjs/common';
import { QueueModule } from '@app/platform';
import { FeedbackModule } from './feedback.module.js';
import { ReviewRevealTimerService } from './review-reveal-timer.service.js';

/** The queue-backed side of feedback, for the worker: the api never talks to Redis in a request. */
@Module({
  imports: [FeedbackModule, QueueModule],
  providers: [ReviewRevealTimerService],
  exports: [ReviewRevealTimerService, FeedbackModule],
})
export class FeedbackTimersModule {}
