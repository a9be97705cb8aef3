import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupEditorService, GroupQueriesService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Public } from '../auth/access.decorators.js';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorProfileType, toMentorProfileType } from '../profiles/mentor-profile.type.js';
import { industriesOf, skillsOf } from '../taxonomy/taxonomy-loaders.js';
import { IndustryType, SkillType } from '../taxonomy/taxonomy.types.js';
import { GroupFilter, GroupInput, MentorshipGroupConnection, MentorshipGroupType } from './group.types.js';

@Resolver(() => MentorshipGroupType)
export class MentorshipGroupResolver {
  constructor(
    private readonly editor: GroupEditorService,
    private readonly queries: GroupQueriesService,
  ) {}

  @Public()
  @Query(() => MentorshipGroupConnection, { complexity: 5, description: 'OPEN groups (and FULL unless openOnly)' })
  async groups(
    @Args('filter', { type: () => GroupFilter, nullable: true }) filter: GroupFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: '1..100' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MentorshipGroupConnection> {
    const page = await this.queries.list(filter, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }

  @Public()
  @Query(() => MentorshipGroupType, { nullable: true, description: 'CLOSED groups only to their host and members' })
  group(
    @Args('id', { type: () => ID }) id: string,
    @OptionalViewer() viewer: Principal | null,
  ): Promise<MentorshipGroupType | null> {
    return this.queries.findVisible(viewer?.userId ?? null, id);
  }

  @Mutation(() => MentorshipGroupType, { complexity: 5, description: 'a mentor with a PUBLISHED profile hosts it' })
  async createGroup(@Viewer() viewer: Principal, @Args('input') input: GroupInput): Promise<MentorshipGroupType> {
    const id = await this.editor.create(viewer.userId, input);
    return this.queries.findVisibleOrFail(viewer.userId, id);
  }

  @Mutation(() => MentorshipGroupType, { complexity: 5, description: 'the host; capacity never below memberCount' })
  async updateGroup(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: GroupInput,
  ): Promise<MentorshipGroupType> {
    await this.editor.update(viewer.userId, id, input);
    return this.queries.findVisibleOrFail(viewer.userId, id);
  }

  @Mutation(() => MentorshipGroupType, { description: 'the host ends it; members are told' })
  async closeGroup(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MentorshipGroupType> {
    await this.editor.close(viewer.userId, id);
    return this.queries.findVisibleOrFail(viewer.userId, id);
  }

  @Mutation(() => MentorshipGroupType, { description: 'a member gives up their seat' })
  async leaveGroup(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MentorshipGroupType> {
    await this.editor.leave(viewer.userId, id);
    // Leaving never happens in a CLOSED group, so the former member now sees it as anyone does.
    return this.queries.findVisibleOrFail(null, id);
  }

  @ResolveField(() => MentorProfileType)
  async host(@Parent() group: MentorshipGroupType, @Context() ctx: GqlContext): Promise<MentorProfileType> {
    const profile = await ctx.loaders.mentorProfile.load(group.hostProfileId);
    if (!profile) throw new Error(`group ${group.id} has no host profile`);
    return toMentorProfileType(profile);
  }

  @ResolveField(() => [IndustryType])
  industries(@Parent() group: MentorshipGroupType, @Context() ctx: GqlContext): Promise<IndustryType[]> {
    return industriesOf(ctx.loaders, group.industrySlugs);
  }

  @ResolveField(() => [SkillType])
  topics(@Parent() group: MentorshipGroupType, @Context() ctx: GqlContext): Promise<SkillType[]> {
    return skillsOf(ctx.loaders, group.topicSkillIds);
  }

  @ResolveField(() => Int)
  seatsLeft(@Parent() group: MentorshipGroupType): number {
    return group.capacity - group.memberCount;
  }

  @ResolveField(() => [UserType], { nullable: true, complexity: 5, description: 'the host and members only' })
  async members(
    @Parent() group: MentorshipGroupType,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<UserType[] | null> {
    const memberIds = await ctx.loaders.groupMemberIds.load(group.id);
    if (!viewer || (viewer.userId !== group.hostUserId && !memberIds.includes(viewer.userId))) return null;
    const users = await ctx.loaders.user.loadMany(memberIds);
    return users.flatMap((user) => (user === null || user instanceof Error ? [] : [user]));
  }
}
