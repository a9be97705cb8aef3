import { Injectable } from '@nestjs/common';
import { RequestsService } from '@app/domain';
import { HandlesScheduledJob, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';

/** The timer of one request went off; expiring is a no-op unless it is still pending and due. */
@Injectable()
@HandlesScheduledJob('mentorship_request.expire')
export class ExpireRequestHandler implements ScheduledJobHandler<'mentorship_request.expire'> {
  constructor(private readonly requests: RequestsService) {}

  async handle(job: ScheduledJob<'mentorship_request.expire'>): Promise<void> {
    await this.requests.expire(job.payload.requestId);
  }
}
