import { Injectable } from '@nestjs/common';
import {
  AccountsService,
  MentorshipQueriesService,
  RequestQueriesService,
  type MentorshipRequest,
  type Recipient,
  type RequestFacts,
} from '@app/domain';

export interface RequestParticipants {
  facts: RequestFacts;
  mentee: Recipient;
  mentor: Recipient;
}

/** Gathers what request messages mention, from current state; null when someone is gone. */
@Injectable()
export class RequestParticipantsReader {
  constructor(
    private readonly accounts: AccountsService,
    private readonly requests: RequestQueriesService,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  async read(request: MentorshipRequest): Promise<RequestParticipants | null> {
    const [[mentee, mentor], [goals], [mentorship]] = await Promise.all([
      this.accounts.findByIds([request.menteeId, request.mentorUserId]),
      this.requests.goalsByRequestIds([request.id]),
      this.mentorships.findByRequestIds([request.id]),
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
      },
    };
  }
}
