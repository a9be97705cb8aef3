import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Availability, AvailabilityRule, TimeOff } from '@app/domain';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';

@ObjectType('AvailabilityRule')
export class AvailabilityRuleType implements AvailabilityRule {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday .. 7 = Sunday' })
  weekday!: number;

  @Field({ description: 'local "HH:MM" in the availability time zone' })
  startTime!: string;

  @Field({ description: 'local "HH:MM"; "24:00" is the end of the day' })
  endTime!: string;
}

@ObjectType('TimeOff')
export class TimeOffType implements TimeOff {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('Availability')
export class AvailabilityType implements Availability {
  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => [AvailabilityRuleType])
  rules!: AvailabilityRuleType[];

  @Field(() => [TimeOffType], { description: 'time off that has not ended yet' })
  timeOff!: TimeOffType[];

  @Field(() => Int)
  minNoticeHours!: number;

  @Field(() => Int, { description: 'kept free before and after each of the mentor’s sessions' })
  bufferMinutes!: number;

  @Field(() => Int, { nullable: true })
  maxSessionsPerWeek!: number | null;
}

@InputType()
export class AvailabilityRuleInput {
  @Field(() => Int, { description: 'ISO weekday 1..7' })
  weekday!: number;

  @Field({ description: 'local "HH:MM" on a quarter hour' })
  startTime!: string;

  @Field({ description: 'local "HH:MM" on a quarter hour, after startTime; "24:00" allowed' })
  endTime!: string;
}

@InputType()
export class WeeklyAvailabilityInput {
  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => [AvailabilityRuleInput], { description: '0..50, non-overlapping per weekday' })
  rules!: AvailabilityRuleInput[];

  @Field(() => Int, { nullable: true, defaultValue: 12, description: '0..720' })
  minNoticeHours!: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: '0..240' })
  bufferMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: '1..100; null = no cap' })
  maxSessionsPerWeek!: number | null;
}

@InputType()
export class TimeOffInput {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'after startsAt, at most a year later' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: '0..500' })
  note!: string | null;
}

@ObjectType('TimeSlot')
export class TimeSlotType {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;
}
