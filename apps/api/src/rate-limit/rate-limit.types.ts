import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

/** Reading one's budget is free, so a caller can always ask how much is left. */
const FREE = { complexity: 0 };

@ObjectType('RateLimit', { description: "points per window; cost = this operation's" })
export class RateLimitType {
  @Field(() => Int, { ...FREE, description: 'points per window' })
  limit!: number;

  @Field(() => Int, { ...FREE, description: 'what this operation spent' })
  cost!: number;

  @Field(() => Int, FREE)
  remaining!: number;

  @Field(() => DateTimeScalar, { ...FREE, description: 'when the window ends and the budget is whole again' })
  resetAt!: Date;
}
