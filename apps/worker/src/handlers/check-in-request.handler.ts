import { Injectable } from '@nestjs/common';
import { CheckInNotificationsService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.feedback, 'session.completed')
export class CheckInRequestHandler implements EventHandler<'session.completed'> {
  constructor(private readonly notifications: CheckInNotificationsService) {}

  async handle(job: EventJob<'session.completed'>): Promise<void> {
    await this.notifications.askAfter(job.payload.sessionId);
  }
}
