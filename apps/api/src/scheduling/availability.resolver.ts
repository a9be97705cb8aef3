import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiScope, AvailabilityService, type Availability, type Principal } from '@app/domain';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import { MentorProfileType } from '../profiles/mentor-profile.type.js';
import { AvailabilityType, TimeOffInput, WeeklyAvailabilityInput } from './availability.types.js';

/** A mentor's own availability: written by them, and shown on their profile to them only. */
@Resolver(() => MentorProfileType)
export class AvailabilityResolver {
  constructor(private readonly availabilities: AvailabilityService) {}

  @Mutation(() => AvailabilityType, { description: 'replaces the weekly rules, notice, buffer and cap' })
  setWeeklyAvailability(
    @Viewer() viewer: Principal,
    @Args('input') input: WeeklyAvailabilityInput,
  ): Promise<Availability> {
    return this.availabilities.setWeekly(viewer.userId, input);
  }

  @Mutation(() => AvailabilityType)
  addTimeOff(@Viewer() viewer: Principal, @Args('input') input: TimeOffInput): Promise<Availability> {
    return this.availabilities.addTimeOff(viewer.userId, input);
  }

  @Mutation(() => AvailabilityType)
  removeTimeOff(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<Availability> {
    return this.availabilities.removeTimeOff(viewer.userId, id);
  }

  @ResolveField(() => AvailabilityType, { nullable: true, description: 'only to its owner' })
  async availability(
    @Parent() profile: MentorProfileType,
    @OptionalViewer() viewer: Principal | null,
  ): Promise<Availability | null> {
    const owner = viewer?.userId === profile.userId && viewer.scopes.has(ApiScope.READ_PRIVATE);
    return owner ? this.availabilities.view(profile.userId) : null;
  }
}
