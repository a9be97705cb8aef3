import { Injectable } from '@nestjs/common';
import { ReviewRevealTimerService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.lifecycle, 'review.transitioned')
export class ReviewRevealTimerHandler implements EventHandler<'review.transitioned'> {
  constructor(private readonly timers: ReviewRevealTimerService) {}

  async handle(job: EventJob<'review.transitioned'>): Promise<void> {
    await this.timers.armFor(job.payload.transitionId);
  }
}
