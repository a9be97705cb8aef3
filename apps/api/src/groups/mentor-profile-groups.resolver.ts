import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorProfileType } from '../profiles/mentor-profile.type.js';
import { MentorshipGroupType } from './group.types.js';

/** MentorProfile.groups: the groups a mentor hosts that take or hold members. */
@Resolver(() => MentorProfileType)
export class MentorProfileGroupsResolver {
  @ResolveField(() => [MentorshipGroupType], { complexity: 5, description: 'the OPEN and FULL groups it hosts' })
  groups(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<MentorshipGroupType[]> {
    return ctx.loaders.listedGroupsByHost.load(profile.id);
  }
}
