import { Injectable } from '@nestjs/common';
import { JobScheduler } from '@app/platform';
import { RequestQueriesService } from './request-queries.service.js';
import { RequestStatus } from './request-terms.js';

/** Expiry timers live in the queue, so only the worker arms them, after the request committed. */
@Injectable()
export class RequestExpiryTimerService {
  constructor(
    private readonly requests: RequestQueriesService,
    private readonly scheduler: JobScheduler,
  ) {}

  /** Arms the timer of a request that this transition made pending; the job id keeps a redelivery from arming two. */
  async armFor(transitionId: string): Promise<void> {
    const transition = await this.requests.findTransition(transitionId);
    if (transition?.to !== RequestStatus.PENDING) return;
    const [request] = await this.requests.findByIds([transition.subjectId]);
    if (request?.status !== RequestStatus.PENDING) return;
    await this.scheduler.once(
      'mentorship_request.expire',
      { requestId: request.id },
      { delayMs: request.expiresAt.getTime() - Date.now(), jobId: `expire-${request.id}` },
    );
  }
}
