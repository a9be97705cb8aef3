import { Injectable } from '@nestjs/common';
import {
  NotificationDispatcherService,
  RequestQueriesService,
  RequestStatus,
  requestAccepted,
  requestDeclined,
  requestExpired,
  requestReceived,
  requestWithdrawn,
  type NotificationMessage,
  type Recipient,
} from '@app/domain';
import { HandlesEvent, LivePublisher, QUEUES, type EventHandler, type EventJob } from '@app/platform';
import { RequestParticipantsReader, type RequestParticipants } from './request-participants.js';

/** Tells the right side of a request what just happened to it, and pushes the change to both. */
@Injectable()
@HandlesEvent(QUEUES.notifications, 'mentorship_request.transitioned')
export class RequestNotificationsHandler implements EventHandler<'mentorship_request.transitioned'> {
  constructor(
    private readonly requests: RequestQueriesService,
    private readonly participants: RequestParticipantsReader,
    private readonly dispatcher: NotificationDispatcherService,
    private readonly live: LivePublisher,
  ) {}

  async handle(job: EventJob<'mentorship_request.transitioned'>): Promise<void> {
    const transition = await this.requests.findTransition(job.payload.transitionId);
    const [request] = await this.requests.findByIds([job.payload.requestId]);
    if (!transition || !request) return;
    const people = await this.participants.read(request);
    if (!people) return;
    for (const [recipient, message] of this.messagesFor(transition.to, people)) {
      await this.dispatcher.deliver(recipient, message, `${job.eventId}:${recipient.id}`);
    }
    await this.live.publish('requests', people.mentee.id, { requestId: request.id });
    await this.live.publish('requests', people.mentor.id, { requestId: request.id });
  }

  private messagesFor(
    to: RequestStatus,
    { facts, mentee, mentor }: RequestParticipants,
  ): Array<[Recipient, NotificationMessage]> {
    switch (to) {
      case RequestStatus.PENDING:
        return [[mentor, requestReceived(facts, mentor)]];
      case RequestStatus.ACCEPTED:
        return [[mentee, requestAccepted(facts, mentee)]];
      case RequestStatus.DECLINED:
        return [[mentee, requestDeclined(facts, mentee)]];
      case RequestStatus.WITHDRAWN:
        return [[mentor, requestWithdrawn(facts, mentor)]];
      case RequestStatus.EXPIRED:
        return [
          [mentee, requestExpired(facts, mentee, false)],
          [mentor, requestExpired(facts, mentor, true)],
        ];
    }
  }
}
