import { Injectable } from '@nestjs/common';
import { GroupSessionBookingService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

@Injectable()
@HandlesEvent(QUEUES.lifecycle, 'mentorship_group.membership_changed')
export class GroupSessionSeatsHandler implements EventHandler<'mentorship_group.membership_changed'> {
  constructor(private readonly booking: GroupSessionBookingService) {}

  async handle(job: EventJob<'mentorship_group.membership_changed'>): Promise<void> {
    await this.booking.syncMember(job.payload.groupId, job.payload.userId);
  }
}
