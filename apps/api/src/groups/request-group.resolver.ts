import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipRequestType } from '../requests/request.types.js';
import { MentorshipGroupType } from './group.types.js';

/** MentorshipRequest.group: the group a join request asks for; its two parties may see it even once CLOSED. */
@Resolver(() => MentorshipRequestType)
export class MentorshipRequestGroupResolver {
  @ResolveField(() => MentorshipGroupType, { nullable: true, description: 'when it asks to join a group' })
  async group(
    @Parent() request: MentorshipRequestType,
    @Context() ctx: GqlContext,
  ): Promise<MentorshipGroupType | null> {
    return request.groupId ? ctx.loaders.group.load(request.groupId) : null;
  }
}
