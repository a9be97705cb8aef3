import { Injectable } from '@nestjs/common';
import { LivePublisher } from '@app/platform';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import { RequestStatus } from '../requests/request-terms.js';
import type { NotificationMessage, Recipient } from './messages/message.js';
import {
  mentorFull,
  requestAccepted,
  requestDeclined,
  requestExpired,
  requestReceived,
  requestWithdrawn,
} from './messages/request-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';
import { RequestParticipantsService, type RequestParticipants } from './request-participants.service.js';

/** Who hears of each request transition: the side that did not act, or both when nobody did. */
function messagesFor(
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

/** Tells people what happened to their requests, from current state, once per event and person. */
@Injectable()
export class RequestNotificationsService {
  constructor(
    private readonly requests: RequestQueriesService,
    private readonly participants: RequestParticipantsService,
    private readonly dispatcher: NotificationDispatcherService,
    private readonly live: LivePublisher,
  ) {}

  /** A request changed status: the right side is told, and both see the change live. */
  async transitioned(eventId: string, transitionId: string, requestId: string): Promise<void> {
    const transition = await this.requests.findTransition(transitionId);
    const [request] = await this.requests.findByIds([requestId]);
    if (!transition || !request) return;
    const people = await this.participants.read(request);
    if (!people) return;
    for (const [recipient, message] of messagesFor(transition.to, people)) {
      await this.dispatcher.deliver(recipient, message, `${eventId}:${recipient.id}`);
    }
    await this.live.publish('requests', people.mentee.id, { requestId: request.id });
    await this.live.publish('requests', people.mentor.id, { requestId: request.id });
  }

  /** A mentor took their last mentee: everyone still waiting on them hears it, and keeps waiting. */
  async mentorFull(eventId: string, profileId: string): Promise<void> {
    for (const request of await this.requests.pendingForProfile(profileId)) {
      const people = await this.participants.read(request);
      if (!people) continue;
      await this.dispatcher.deliver(
        people.mentee,
        mentorFull(people.facts, people.mentee),
        `${eventId}:${people.mentee.id}`,
      );
    }
  }
}
