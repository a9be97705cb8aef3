import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { GroupStatus } from '../groups/group.js';
import { GroupQueriesService } from '../groups/group-queries.service.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import { groupClosed, groupFull, groupUnavailable } from './messages/group-messages.js';
import type { NotificationMessage, Recipient } from './messages/message.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

/**
 * Who hears of a group's status: everyone in it when it fills (the host too, since a
 * member's acceptance filled it), the members when the host closes it, and in both cases
 * the mentees still waiting on a request to join. Opening (created, or a seat freed) is
 * news to no one.
 */
@Injectable()
export class GroupNotificationsService {
  constructor(
    private readonly groups: GroupQueriesService,
    private readonly requests: RequestQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  async transitioned(eventId: string, transitionId: string): Promise<void> {
    const transition = await this.groups.findTransition(transitionId);
    if (transition?.to !== GroupStatus.FULL && transition?.to !== GroupStatus.CLOSED) return;
    const [[group], [memberIds], waiting] = await Promise.all([
      this.groups.findByIds([transition.subjectId]),
      this.groups.memberIdsByGroupIds([transition.subjectId]),
      this.requests.pendingForGroup(transition.subjectId),
    ]);
    if (!group || !memberIds) return;
    const people = await this.accounts.findByIds([group.hostUserId, ...memberIds]);
    const [host, ...members] = people;
    if (!host) return;
    const facts = {
      groupId: group.id,
      title: group.title,
      hostName: host.displayName,
      capacity: group.capacity,
      at: transition.at,
    };
    const messages: Array<[Recipient, NotificationMessage]> = members.flatMap((member) =>
      member
        ? [[member, transition.to === GroupStatus.FULL ? groupFull(facts, false) : groupClosed(facts, member)]]
        : [],
    );
    if (transition.to === GroupStatus.FULL) messages.push([host, groupFull(facts, true)]);
    const askers = await this.accounts.findByIds(waiting.map((request) => request.menteeId));
    for (const [i, asker] of askers.entries()) {
      const request = waiting[i];
      if (!asker || !request) continue;
      messages.push([asker, groupUnavailable(facts, transition.to === GroupStatus.CLOSED, request.expiresAt, asker)]);
    }
    for (const [recipient, message] of messages) {
      await this.dispatcher.deliver(recipient, message, `${eventId}:${recipient.id}`);
    }
  }
}
