import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorshipFormat } from '@app/domain';
import { SEARCH_SORTS, type SearchSort } from '@app/platform';
import { PageInfo } from '../graphql/connection.js';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';
import { MentorProfileType } from '../profiles/mentor-profile.type.js';

export const MentorSort = Object.fromEntries(SEARCH_SORTS.map((sort) => [sort, sort])) as {
  [S in SearchSort]: S;
};
registerEnumType(MentorSort, { name: 'MentorSort' });

@InputType()
export class MentorFilter {
  @Field(() => [String], { nullable: true, description: 'industry slugs, any of' })
  industries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'skill names or slugs, all of' })
  skills?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, any of' })
  languages?: string[] | null;

  @Field(() => [MentorshipFormat], { nullable: true, description: 'any of' })
  formats?: MentorshipFormat[] | null;

  @Field(() => Float, { nullable: true })
  minRating?: number | null;

  @Field(() => Int, { nullable: true, description: 'free mentors always match' })
  maxPriceCents?: number | null;

  @Field(() => Boolean, { nullable: true })
  freeOnly?: boolean | null;

  @Field(() => Int, { nullable: true })
  minYearsOfExperience?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  acceptingRequestsOnly?: boolean | null;

  @Field(() => [TimeZoneScalar], { nullable: true, description: 'mentors whose UTC offset now is within ±3h of any' })
  timeZones?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2' })
  countryCodes?: string[] | null;
}

@ObjectType()
export class FacetCount {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class MentorFacets {
  @Field(() => [FacetCount])
  industries!: FacetCount[];

  @Field(() => [FacetCount])
  skills!: FacetCount[];

  @Field(() => [FacetCount])
  languages!: FacetCount[];

  @Field(() => [FacetCount])
  formats!: FacetCount[];

  @Field(() => [FacetCount])
  priceBands!: FacetCount[];
}

@ObjectType()
export class MentorSearchEdge {
  @Field()
  cursor!: string;

  @Field(() => MentorProfileType)
  node!: MentorProfileType;

  @Field(() => [String], { description: 'field texts with the matched words in <mark>…</mark>' })
  highlights!: string[];
}

@ObjectType()
export class MentorSearchConnection {
  @Field(() => [MentorSearchEdge])
  edges!: MentorSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => MentorFacets, { description: 'counts over the whole filtered result, not the page' })
  facets!: MentorFacets;

  @Field(() => Int)
  tookMs!: number;
}

@ObjectType()
export class MentorMatch {
  @Field(() => MentorProfileType)
  mentor!: MentorProfileType;

  @Field(() => Float)
  score!: number;

  @Field(() => [String])
  reasons!: string[];
}
