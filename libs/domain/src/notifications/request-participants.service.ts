import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { GroupQueriesService } from '../groups/group-queries.service.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import type { MentorshipRequest } from '../requests/mentorship-request.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import type { Recipient } from './messages/message.js';
import type { RequestFacts } from './messages/request-messages.js';

export interface RequestParticipants {
  facts: RequestFacts;
  mentee: Recipient;
  mentor: Recipient;
}

/** Gathers what request messages mention, from current state; null when someone is gone. */
@Injectable()
export class RequestParticipantsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly requests: RequestQueriesService,
    private readonly mentorships: MentorshipQueriesService,
    private readonly groups: GroupQueriesService,
  ) {}

  async read(request: MentorshipRequest): Promise<RequestParticipants | null> {
    const [[mentee, mentor], [goals], [mentorship], [group]] = await Promise.all([
      this.accounts.findByIds([request.menteeId, request.mentorUserId]),
      this.requests.goalsByRequestIds([request.id]),
      this.mentorships.findByRequestIds([request.id]),
      request.groupId ? this.groups.findByIds([request.groupId]) : [null],
    ]);
    if (!mentee || !mentor) return null;
    return {
      mentee,
      mentor,
      facts: {
        requestId: request.id,
        menteeName: mentee.displayName,
        mentorName: mentor.displayName,
        goals: (goals ?? []).map((goal) => goal.title),
        format: request.format,
        cadence: request.cadence,
        durationWeeks: request.durationWeeks,
        expiresAt: request.expiresAt,
        declineReason: request.declineReason,
        responseMessage: request.responseMessage,
        mentorshipId: mentorship?.id ?? null,
        group: group ? { id: group.id, title: group.title } : null,
      },
    };
  }
}
