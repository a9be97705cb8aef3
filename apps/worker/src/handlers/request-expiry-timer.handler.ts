import { Injectable } from '@nestjs/common';
import { RequestQueriesService, RequestStatus } from '@app/domain';
import { HandlesEvent, JobScheduler, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/** Arms the expiry timer of a newly sent request; the job id keeps a redelivery from arming two. */
@Injectable()
@HandlesEvent(QUEUES.lifecycle, 'mentorship_request.transitioned')
export class RequestExpiryTimerHandler implements EventHandler<'mentorship_request.transitioned'> {
  constructor(
    private readonly requests: RequestQueriesService,
    private readonly scheduler: JobScheduler,
  ) {}

  async handle(job: EventJob<'mentorship_request.transitioned'>): Promise<void> {
    const transition = await this.requests.findTransition(job.payload.transitionId);
    if (transition?.to !== RequestStatus.PENDING) return;
    const [request] = await this.requests.findByIds([transition.requestId]);
    if (request?.status !== RequestStatus.PENDING) return;
    await this.scheduler.once(
      'mentorship_request.expire',
      { requestId: request.id },
      { delayMs: request.expiresAt.getTime() - Date.now(), jobId: expiryJobId(request.id) },
    );
  }
}

export function expiryJobId(requestId: string): string {
  return `expire-${requestId}`;
}
