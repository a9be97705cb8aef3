import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** Industries and skills are field resolvers in MenteeProfileResolver, batched through DataLoaders. */
@ObjectType('MenteeProfile')
export class MenteeProfileType {
  @Field(() => ID)
  id!: string;

  userId!: string;
  industrySlugs!: string[];
  skillIds!: string[];

  @Field(() => [String])
  goals!: string[];

  @Field(() => Int)
  experienceLevel!: number;

  @Field(() => [String])
  languages!: string[];

  @Field(() => String, { nullable: true })
  bio!: string | null;
}
