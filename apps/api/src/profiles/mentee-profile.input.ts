import { Field, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A left-out bio keeps its stored value; null clears it.' })
export class MenteeProfileInput {
  @Field(() => [String], { description: '1..5, each 3..200 characters' })
  goals!: string[];

  @Field(() => [String], { description: '0..5 industry slugs of interest' })
  industries!: string[];

  @Field(() => [String], { description: '0..20 skills wanted, normalised like mentor skills' })
  skills!: string[];

  @Field(() => Int, { description: 'years, 0..60' })
  experienceLevel!: number;

  @Field(() => [String], { description: '1..10 ISO-639-1 codes' })
  languages!: string[];

  @Field(() => String, { nullable: true, description: 'up to 2000 characters' })
  bio?: string | null;
}
