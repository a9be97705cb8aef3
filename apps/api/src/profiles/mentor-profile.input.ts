import { Field, InputType, Int } from '@nestjs/graphql';
import { MentorshipFormat } from '@app/domain';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';

@InputType()
export class MoneyInput {
  @Field(() => Int, { description: 'in the currency minor unit, 1..100000000' })
  amountCents!: number;

  @Field({ description: 'ISO-4217' })
  currency!: string;
}

@InputType({ description: 'Optional fields left out keep their stored value; null clears them.' })
export class MentorProfileInput {
  @Field({ description: '10..120 characters' })
  headline!: string;

  @Field({ description: '50..5000 characters, plain text' })
  bio!: string;

  @Field(() => [String], { description: '1..5 industry slugs from the taxonomy' })
  industries!: string[];

  @Field(() => [String], { description: '1..20 names; new names become new skills, normalised' })
  skills!: string[];

  @Field(() => Int, { description: '0..60' })
  yearsOfExperience!: number;

  @Field(() => [String], { description: '1..10 ISO-639-1 codes' })
  languages!: string[];

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => [MentorshipFormat], { description: 'may be empty in a draft; publishing needs one' })
  formats!: MentorshipFormat[];

  @Field(() => [Int], { description: 'minutes, each of 15..240; may be empty in a draft' })
  sessionLengths!: number[];

  @Field(() => MoneyInput, { nullable: true, description: 'per session; null = free' })
  price?: MoneyInput | null;

  @Field(() => Int, { description: '1..50' })
  maxActiveMentees!: number;

  @Field(() => String, { nullable: true, description: 'up to 100 characters' })
  currentRole?: string | null;

  @Field(() => String, { nullable: true, description: 'up to 100 characters' })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO-3166-1 alpha-2' })
  countryCode?: string | null;
}
