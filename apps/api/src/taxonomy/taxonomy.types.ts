import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Industry')
export class IndustryType {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  /** Resolved by IndustryResolver unless the query that listed industries counted already. */
  @Field(() => Int, { description: 'published mentors in this industry' })
  mentorCount?: number;
}

@ObjectType('Skill')
export class SkillType {
  @Field()
  slug!: string;

  @Field()
  name!: string;
}
