import { Injectable } from '@nestjs/common';
import { SessionNotificationsService } from '@app/domain';
import { HandlesScheduledJob, type ScheduledJob, type ScheduledJobHandler } from '@app/platform';

/** A reminder went off; a stale one (the session moved or was cancelled) does nothing. */
@Injectable()
@HandlesScheduledJob('session.remind')
export class SessionReminderHandler implements ScheduledJobHandler<'session.remind'> {
  constructor(private readonly notices: SessionNotificationsService) {}

  async handle(job: ScheduledJob<'session.remind'>): Promise<void> {
    await this.notices.remind(job.payload);
  }
}
