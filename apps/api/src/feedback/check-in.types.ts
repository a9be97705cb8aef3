import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorshipHealth, type CheckIn } from '@app/domain';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(MentorshipHealth, { name: 'MentorshipHealth' });

/** author is a field resolver in CheckInResolver. */
@ObjectType('CheckIn')
export class CheckInType implements CheckIn {
  @Field(() => ID)
  id!: string;

  sessionId!: string;
  authorId!: string;

  @Field(() => Int, { description: '1..5: how useful the session was to its author' })
  usefulness!: number;

  @Field(() => String, { nullable: true, description: 'shared with the other side' })
  note!: string | null;

  @Field(() => String, { nullable: true })
  nextSteps!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType()
export class GoalProgressInput {
  @Field(() => ID)
  goalId!: string;

  @Field(() => Int, { description: '0..100' })
  progress!: number;
}

@InputType()
export class CheckInInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => Int, { description: '1..5: how useful the session was to me' })
  usefulness!: number;

  @Field(() => String, { nullable: true, description: '0..2000, shared with the other side' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '0..1000' })
  nextSteps?: string | null;

  @Field(() => [GoalProgressInput], { nullable: true, description: 'the mentee’s goals, 0..100 each' })
  goalProgress?: GoalProgressInput[] | null;
}
