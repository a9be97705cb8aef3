import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import type { User } from '../accounts/user.entity.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import type { Goal } from '../mentorships/goal.js';
import type { MentorshipTransition } from '../mentorships/mentorship.js';
import type { RequestTransition } from '../requests/mentorship-request.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import type { ReviewTransition } from '../feedback/review-lifecycle.js';
import { ReviewQueriesService } from '../feedback/review-queries.service.js';
import { GroupQueriesService } from '../groups/group-queries.service.js';
import type { Enrollment } from '../programs/program.js';
import { ProgramQueriesService } from '../programs/program-queries.service.js';
import { SessionQueriesService } from '../scheduling/session-queries.service.js';
import type { SessionTransition } from '../scheduling/session.js';

/** Who may see a subject through the API, and how it looks to each of them: a delivery's `data`. */
export interface WebhookSubject {
  audience: readonly string[];
  /** Set for a program's events: they go only to the audience's webhooks registered for that program. */
  programId?: string;
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

function enrollmentRef(enrollment: Enrollment) {
  return { id: enrollment.id, user: { id: enrollment.userId }, role: enrollment.role };
}

/**
 * Reads the subjects of webhook events and shapes them as the GraphQL types do
 * (MentorshipRequest, Mentorship, Session, Review, MentorshipGroup, MatchingRound), field for field, with the same per-viewer rules.
 */
@Injectable()
export class WebhookViewsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly requests: RequestQueriesService,
    private readonly mentorships: MentorshipQueriesService,
    private readonly sessions: SessionQueriesService,
    private readonly reviews: ReviewQueriesService,
    private readonly groups: GroupQueriesService,
    private readonly programs: ProgramQueriesService,
  ) {}

  requestTransition(id: string): Promise<RequestTransition | null> {
    return this.requests.findTransition(id);
  }

  mentorshipTransition(id: string): Promise<MentorshipTransition | null> {
    return this.mentorships.findTransition(id);
  }

  sessionTransition(id: string): Promise<SessionTransition | null> {
    return this.sessions.findTransition(id);
  }

  reviewTransition(id: string): Promise<ReviewTransition | null> {
    return this.reviews.findTransition(id);
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
      this.mentorships.goalsByMentorshipIds([mentorship.id]),
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

  /** A session is seen by its participants (the host among them), one-to-one or group. */
  async session(id: string): Promise<WebhookSubject | null> {
    const session = await this.sessions.findById(id);
    if (!session) return null;
    const people = await this.accounts.findByIds(session.participantIds);
    const participants = people.filter((user): user is User => user !== null);
    return {
      audience: session.participantIds,
      dataFor: (viewerId) => ({
        id: session.id,
        mentorship: session.mentorshipId ? { id: session.mentorshipId } : null,
        group: session.groupId ? { id: session.groupId } : null,
        host: { id: session.hostId },
        participants: participants.map((user) => userView(user, viewerId)),
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        status: session.status,
        agenda: session.agenda,
        meetingUrl: session.meetingUrl,
        cancelledBy: session.cancelledBy ? { id: session.cancelledBy } : null,
        cancelReason: session.cancelReason,
        lateCancellation: session.lateCancellation,
        noShows: session.noShowIds.map((noShowId) => ({ id: noShowId })),
      }),
    };
  }

  /**
   * A revealed review goes to its author and its subject: a mentee's review of a mentor is
   * public, but a webhook carries only its owner's own reviews, written or received.
   */
  async review(id: string): Promise<WebhookSubject | null> {
    const review = await this.reviews.findById(id);
    if (!review) return null;
    const [author, subject] = await this.accounts.findByIds([review.authorId, review.subjectId]);
    if (!author || !subject) return null;
    return {
      audience: [author.id, subject.id],
      dataFor: (viewerId) => ({
        id: review.id,
        author: userView(author, viewerId),
        subject: userView(subject, viewerId),
        rating: review.rating,
        comment: review.comment,
        response: review.response,
        visibility: review.visibility,
        createdAt: review.createdAt,
        revealedAt: review.revealedAt,
      }),
    };
  }

  /** A group with its members is seen by its host and its current members; `memberId` names who joined. */
  async groupMemberJoined(groupId: string, memberId: string): Promise<WebhookSubject | null> {
    const [[group], [memberIds = []]] = await Promise.all([
      this.groups.findByIds([groupId]),
      this.groups.memberIdsByGroupIds([groupId]),
    ]);
    if (!group || !memberIds.includes(memberId)) return null;
    const people = await this.accounts.findByIds([group.hostUserId, ...memberIds]);
    const members = people.slice(1).filter((user): user is User => user !== null);
    const member = members.find((user) => user.id === memberId);
    if (!member) return null;
    return {
      audience: [group.hostUserId, ...memberIds],
      dataFor: (viewerId) => ({
        member: userView(member, viewerId),
        group: {
          id: group.id,
          kind: group.kind,
          status: group.status,
          host: { id: group.hostProfileId },
          title: group.title,
          description: group.description,
          industries: group.industrySlugs.map((slug) => ({ slug })),
          topics: group.topicSkillIds.map((skillId) => ({ id: skillId })),
          capacity: group.capacity,
          memberCount: group.memberCount,
          seatsLeft: Math.max(0, group.capacity - group.memberCount),
          cadence: group.cadence,
          channel: group.channel,
          startsOn: group.startsOn,
          endsOn: group.endsOn,
          sessionLengthMinutes: group.sessionLengthMinutes,
          members: members.map((user) => userView(user, viewerId)),
        },
      }),
    };
  }

  /** A published round is seen by the admins of its program's organisation, through their program webhooks. */
  async publishedRound(programId: string, roundId: string): Promise<WebhookSubject | null> {
    const published = await this.programs.publishedRound(programId, roundId);
    if (!published) return null;
    const { adminIds, round } = published;
    return {
      audience: adminIds,
      programId,
      dataFor: () => ({
        program: { id: programId },
        round: {
          id: round.id,
          status: round.status,
          createdAt: round.createdAt,
          proposals: round.proposals.map((proposal) => ({
            mentor: enrollmentRef(proposal.mentor),
            mentee: enrollmentRef(proposal.mentee),
            score: proposal.score,
            reasons: proposal.reasons,
          })),
          unmatchedMentees: round.unmatchedMentees.map(enrollmentRef),
          totalScore: round.totalScore,
        },
      }),
    };
  }
}
