import { Injectable } from '@nestjs/common';
import { RequestExpiryTimerService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.lifecycle, 'mentorship_request.transitioned')
export class RequestExpiryTimerHandler implements EventHandler<'mentorship_request.transitioned'> {
  constructor(private readonly timers: RequestExpiryTimerService) {}

  async handle(job: EventJob<'mentorship_request.transitioned'>): Promise<void> {
    await this.timers.armFor(job.payload.transitionId);
  }
}
