import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import type { User } from '../accounts/user.entity.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import type { MentorshipTransition } from '../mentorships/mentorship.js';
import type { Goal, RequestTransition } from '../requests/mentorship-request.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';

/** Who may see a subject through the API, and how it looks to each of them: a delivery's `data`. */
export interface WebhookSubject {
  audience: readonly string[];
  dataFor(viewerId: string): unknown;
}

/** A User as the API shows it: the email only to the user themself. */
function userView(user: User, viewerId: string) {
  return { id: user.id, displayName: user.displayName, email: user.id === viewerId ? user.email : null };
}

function goalView(goal: Goal) {
  return {
    id: goal.id,
    title: goal.title,
    successCriteria: goal.successCriteria,
    targetDate: goal.targetDate,
    progress: goal.progress,
    updatedAt: goal.updatedAt,
  };
}

/**
 * Reads the subjects of webhook events and shapes them as the GraphQL types do
 * (MentorshipRequest, Mentorship), field for field, with the same per-viewer rules.
 */
@Injectable()
export class WebhookViewsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly requests: RequestQueriesService,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  requestTransition(id: string): Promise<RequestTransition | null> {
    return this.requests.findTransition(id);
  }

  mentorshipTransition(id: string): Promise<MentorshipTransition | null> {
    return this.mentorships.findTransition(id);
  }

  /** A request is seen by its mentee and its mentor, whole (the API hides none of its fields from them). */
  async request(id: string): Promise<WebhookSubject | null> {
    const [request] = await this.requests.findByIds([id]);
    if (!request) return null;
    const [[mentee, mentor], [goals = []], [mentorship]] = await Promise.all([
      this.accounts.findByIds([request.menteeId, request.mentorUserId]),
      this.requests.goalsByRequestIds([request.id]),
      this.mentorships.findByRequestIds([request.id]),
    ]);
    if (!mentee || !mentor) return null;
    return {
      audience: [mentee.id, mentor.id],
      dataFor: (viewerId) => ({
        id: request.id,
        status: request.status,
        mentee: userView(mentee, viewerId),
        mentor: { id: request.mentorProfileId, user: userView(mentor, viewerId) },
        goals: goals.map(goalView),
        motivation: request.motivation,
        format: request.format,
        cadence: request.cadence,
        channel: request.channel,
        durationWeeks: request.durationWeeks,
        topics: request.topics,
        confidentialityNote: request.confidentialityNote,
        createdAt: request.createdAt,
        expiresAt: request.expiresAt,
        respondedAt: request.respondedAt,
        declineReason: request.declineReason,
        responseMessage: request.responseMessage,
        mentorship: mentorship ? { id: mentorship.id, status: mentorship.status } : null,
      }),
    };
  }

  /** A mentorship is seen by its two participants. */
  async mentorship(id: string): Promise<WebhookSubject | null> {
    const mentorship = await this.mentorships.findById(id);
    if (!mentorship) return null;
    const [[mentee, mentor], [goals = []]] = await Promise.all([
      this.accounts.findByIds([mentorship.menteeId, mentorship.mentorUserId]),
      // A program's mentorship has no request, so no goals of one.
      mentorship.requestId ? this.requests.goalsByRequestIds([mentorship.requestId]) : Promise.resolve([[]]),
    ]);
    if (!mentee || !mentor) return null;
    return {
      audience: [mentee.id, mentor.id],
      dataFor: (viewerId) => ({
        id: mentorship.id,
        status: mentorship.status,
        mentee: userView(mentee, viewerId),
        mentor: { id: mentorship.mentorProfileId, user: userView(mentor, viewerId) },
        request: mentorship.requestId ? { id: mentorship.requestId } : null,
        program: mentorship.programId ? { id: mentorship.programId } : null,
        goals: goals.map(goalView),
        format: mentorship.format,
        cadence: mentorship.cadence,
        channel: mentorship.channel,
        startedAt: mentorship.startedAt,
        endsOn: mentorship.endsOn,
        endedAt: mentorship.endedAt,
        endReason: mentorship.endReason,
      }),
    };
  }
}
