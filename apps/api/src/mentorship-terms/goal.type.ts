import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

/** A goal is set in a request and tracked in the mentorship it becomes. */
@ObjectType('Goal')
export class GoalType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  successCriteria!: string | null;

  @Field(() => DateScalar, { nullable: true })
  targetDate!: string | null;

  @Field(() => Int, { description: '0..100' })
  progress!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
