import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RatingSummary')
export class RatingSummary {
  @Field(() => Float, { nullable: true, description: 'null until the first review' })
  average!: number | null;

  @Field(() => Int)
  count!: number;

  @Field(() => [Int], { description: 'distribution[i] = count of (i+1) stars' })
  distribution!: number[];
}

export function toRatingSummary(profile: {
  ratingCount: number;
  ratingSum: number;
  ratingDistribution: number[];
}): RatingSummary {
  return {
    average: profile.ratingCount === 0 ? null : Math.round((profile.ratingSum / profile.ratingCount) * 100) / 100,
    count: profile.ratingCount,
    distribution: profile.ratingDistribution,
  };
}
