import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SlotsService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';
import { TimeSlotType } from './availability.types.js';

/** Reads a mentor's whole calendar for the window and computes every slot in it. */
const SLOTS_COST = 50;

@Resolver(() => TimeSlotType)
export class SlotsResolver {
  constructor(private readonly slots: SlotsService) {}

  @Query(() => [TimeSlotType], {
    complexity: SLOTS_COST,
    description:
      'bookable starts on quarter hours of the mentor’s local clock, in UTC; window <= 62 days; ' +
      'a mentee of this mentor only sees times they are free too',
  })
  async availableSlots(
    @Viewer() viewer: Principal,
    @Args('mentorId', { type: () => ID }) mentorId: string,
    @Args('from', { type: () => DateTimeScalar }) from: Date,
    @Args('to', { type: () => DateTimeScalar }) to: Date,
    @Args('durationMinutes', { type: () => Int }) durationMinutes: number,
  ): Promise<TimeSlotType[]> {
    const slots = await this.slots.available(viewer.userId, mentorId, { from, to, durationMinutes });
    return slots.map((slot) => ({ startsAt: new Date(slot.start), endsAt: new Date(slot.end) }));
  }
}
