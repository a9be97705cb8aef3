import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { MentorshipGroupType } from './group.types.js';

/** Mentorship.group: the group or circle a member's mentorship with its host belongs to. */
@Resolver(() => MentorshipType)
export class MentorshipGroupLinkResolver {
  @ResolveField(() => MentorshipGroupType, { nullable: true, description: "a group member's mentorship with the host" })
  group(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<MentorshipGroupType | null> {
    return mentorship.groupId ? ctx.loaders.group.load(mentorship.groupId) : Promise.resolve(null);
  }
}
