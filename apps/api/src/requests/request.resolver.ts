import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  DeclineReason,
  MentorshipQueriesService,
  RequestQueriesService,
  RequestRole,
  RequestsService,
  RequestStatus,
  type Principal,
} from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { GoalType } from '../mentorship-terms/goal.type.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { MentorProfileType, toMentorProfileType } from '../profiles/mentor-profile.type.js';
import { MentorshipRequestConnection, MentorshipRequestInput, MentorshipRequestType } from './request.types.js';

@Resolver(() => MentorshipRequestType)
export class MentorshipRequestResolver {
  constructor(
    private readonly requests: RequestsService,
    private readonly queries: RequestQueriesService,
    private readonly mentorships: MentorshipQueriesService,
  ) {}

  @Query(() => MentorshipRequestConnection)
  async mentorshipRequests(
    @Viewer() viewer: Principal,
    @Args('role', { type: () => RequestRole }) role: RequestRole,
    @Args('status', { type: () => [RequestStatus], nullable: true }) status: RequestStatus[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MentorshipRequestConnection> {
    const page = await this.queries.list(viewer.userId, role, status, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }

  @Query(() => MentorshipRequestType, { nullable: true, description: 'only its mentee and mentor see it' })
  mentorshipRequest(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MentorshipRequestType> {
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Mutation(() => MentorshipRequestType)
  async sendMentorshipRequest(
    @Viewer() viewer: Principal,
    @Args('input') input: MentorshipRequestInput,
  ): Promise<MentorshipRequestType> {
    const id = await this.requests.send(viewer.userId, input);
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Mutation(() => MentorshipType, {
    description:
      'the mentor accepts a request; the mentorship starts. A join request (sent with groupId) also takes a ' +
      'seat in the group, never past capacity, and its mentorship is tied to the group',
  })
  async acceptMentorshipRequest(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<MentorshipType> {
    const mentorshipId = await this.requests.accept(viewer.userId, id, message);
    return this.mentorships.findForParticipant(viewer.userId, mentorshipId);
  }

  @Mutation(() => MentorshipRequestType)
  async declineMentorshipRequest(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => DeclineReason }) reason: DeclineReason,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<MentorshipRequestType> {
    await this.requests.decline(viewer.userId, id, reason, message);
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Mutation(() => MentorshipRequestType)
  async withdrawMentorshipRequest(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MentorshipRequestType> {
    await this.requests.withdraw(viewer.userId, id);
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @ResolveField(() => UserType)
  async mentee(@Parent() request: MentorshipRequestType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(request.menteeId);
    if (!user) throw new Error(`request ${request.id} has no mentee`);
    return user;
  }

  @ResolveField(() => MentorProfileType)
  async mentor(@Parent() request: MentorshipRequestType, @Context() ctx: GqlContext): Promise<MentorProfileType> {
    const profile = await ctx.loaders.mentorProfile.load(request.mentorProfileId);
    if (!profile) throw new Error(`request ${request.id} has no mentor profile`);
    return toMentorProfileType(profile);
  }

  @ResolveField(() => [GoalType])
  goals(@Parent() request: MentorshipRequestType, @Context() ctx: GqlContext): Promise<GoalType[]> {
    return ctx.loaders.goalsByRequest.load(request.id);
  }

  @ResolveField(() => MentorshipType, { nullable: true, description: 'once accepted' })
  mentorship(@Parent() request: MentorshipRequestType, @Context() ctx: GqlContext): Promise<MentorshipType | null> {
    return ctx.loaders.mentorshipByRequest.load(request.id);
  }
}
