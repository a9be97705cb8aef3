import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReviewVisibility, type Review } from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(ReviewVisibility, { name: 'ReviewVisibility' });

/** author, subject and reportCount are field resolvers in ReviewResolver. */
@ObjectType('Review')
export class ReviewType implements Review {
  @Field(() => ID)
  id!: string;

  mentorshipId!: string;
  authorId!: string;
  subjectId!: string;
  subjectProfileId!: string | null;
  respondedAt!: Date | null;
  revealDueAt!: Date;
  /** Set on the rows of the moderation queue, which already counted them. */
  reportCount?: number;

  @Field(() => Int, { description: '1..5' })
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true, description: 'the reviewed mentor’s public answer' })
  response!: string | null;

  @Field(() => ReviewVisibility)
  visibility!: ReviewVisibility;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revealedAt!: Date | null;
}

@ObjectType()
export class ReviewConnection extends Connection(ReviewType, 'ReviewEdge') {}

@InputType()
export class ReviewInput {
  @Field(() => ID)
  mentorshipId!: string;

  @Field(() => Int, { description: '1..5' })
  rating!: number;

  @Field(() => String, { nullable: true, description: '0..2000 characters' })
  comment?: string | null;
}
