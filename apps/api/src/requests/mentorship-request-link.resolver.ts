import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { MentorshipRequestType } from './request.types.js';

/**
 * Mentorship.request lives with requests: a request knows the mentorship it became, so
 * the mentorships folder never has to know what a request is.
 */
@Resolver(() => MentorshipType)
export class MentorshipRequestLinkResolver {
  @ResolveField(() => MentorshipRequestType, { nullable: true, description: 'null when a program matched them' })
  async request(
    @Parent() mentorship: MentorshipType,
    @Context() ctx: GqlContext,
  ): Promise<MentorshipRequestType | null> {
    if (!mentorship.requestId) return null;
    const request = await ctx.loaders.mentorshipRequest.load(mentorship.requestId);
    if (!request) throw new Error(`mentorship ${mentorship.id} has no request`);
    return request;
  }
}
