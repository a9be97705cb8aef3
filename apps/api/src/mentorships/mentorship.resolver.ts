import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MentorshipQueriesService, MentorshipsService, MentorshipStatus, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorProfileType, toMentorProfileType } from '../profiles/mentor-profile.type.js';
import { GoalType } from '../mentorship-terms/goal.type.js';
import { MentorshipConnection, MentorshipType } from './mentorship.types.js';

@Resolver(() => MentorshipType)
export class MentorshipResolver {
  constructor(
    private readonly lifecycle: MentorshipsService,
    private readonly queries: MentorshipQueriesService,
  ) {}

  @Query(() => MentorshipConnection)
  async mentorships(
    @Viewer() viewer: Principal,
    @Args('status', { type: () => [MentorshipStatus], nullable: true }) status: MentorshipStatus[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MentorshipConnection> {
    const page = await this.queries.list(viewer.userId, status, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }

  @Query(() => MentorshipType, { nullable: true, description: 'only its mentor and mentee see it' })
  mentorship(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<MentorshipType> {
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Mutation(() => MentorshipType, { description: 'progress 0..100; every update is kept' })
  async updateGoalProgress(
    @Viewer() viewer: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('progress', { type: () => Int }) progress: number,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<MentorshipType> {
    await this.lifecycle.updateGoalProgress(viewer.userId, mentorshipId, goalId, progress, note);
    return this.queries.findForParticipant(viewer.userId, mentorshipId);
  }

  @Mutation(() => MentorshipType)
  async completeMentorship(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<MentorshipType> {
    await this.lifecycle.complete(viewer.userId, id, note);
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Mutation(() => MentorshipType)
  async endMentorship(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<MentorshipType> {
    await this.lifecycle.end(viewer.userId, id, reason);
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @ResolveField(() => MentorProfileType)
  async mentor(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<MentorProfileType> {
    const profile = await ctx.loaders.mentorProfile.load(mentorship.mentorProfileId);
    if (!profile) throw new Error(`mentorship ${mentorship.id} has no mentor profile`);
    return toMentorProfileType(profile);
  }

  @ResolveField(() => UserType)
  async mentee(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(mentorship.menteeId);
    if (!user) throw new Error(`mentorship ${mentorship.id} has no mentee`);
    return user;
  }

  @ResolveField(() => [GoalType])
  async goals(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<GoalType[]> {
    return ctx.loaders.goalsByMentorship.load(mentorship.id);
  }
}
