import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorshipFormat, ProfileStatus, type MentorProfile } from '@app/domain';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';

registerEnumType(ProfileStatus, { name: 'ProfileStatus' });
registerEnumType(MentorshipFormat, { name: 'MentorshipFormat' });

@ObjectType()
export class Money {
  @Field(() => Int)
  amountCents!: number;

  @Field({ description: 'ISO-4217' })
  currency!: string;
}

/**
 * The public face of a mentor profile. Plain columns are mapped here; relations and
 * derived values (user, industries, skills, rating, capacity) are field resolvers
 * in MentorProfileResolver, batched through DataLoaders.
 */
@ObjectType('MentorProfile')
export class MentorProfileType {
  @Field(() => ID)
  id!: string;

  userId!: string;
  industrySlugs!: string[];
  skillIds!: string[];
  ratingCount!: number;
  ratingSum!: number;
  ratingDistribution!: number[];

  @Field(() => ProfileStatus)
  status!: ProfileStatus;

  @Field()
  headline!: string;

  @Field()
  bio!: string;

  @Field(() => Int)
  yearsOfExperience!: number;

  @Field(() => [String])
  languages!: string[];

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => [MentorshipFormat])
  formats!: MentorshipFormat[];

  @Field(() => [Int])
  sessionLengths!: number[];

  @Field(() => Money, { nullable: true, description: 'per session; null = free' })
  price!: Money | null;

  @Field(() => Int)
  maxActiveMentees!: number;

  @Field(() => String, { nullable: true })
  currentRole!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  countryCode!: string | null;
}

export function toMentorProfileType(profile: MentorProfile): MentorProfileType {
  return {
    ...profile,
    price:
      profile.priceCents === null || profile.priceCurrency === null
        ? null
        : { amountCents: profile.priceCents, currency: profile.priceCurrency },
  };
}
