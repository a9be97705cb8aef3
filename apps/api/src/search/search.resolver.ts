import { Args, Info, Int, Query, Resolver } from '@nestjs/graphql';
import { MentorshipFormat, RecommendationsService, SearchService, type Principal } from '@app/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Public } from '../auth/access.decorators.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { toMentorProfileType } from '../profiles/mentor-profile.type.js';
import { MentorFilter, MentorMatch, MentorSearchConnection, MentorSort } from './search.types.js';
import { selects } from './selected-fields.js';
import { COST } from '../graphql/cost.js';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Public()
  @Query(() => MentorSearchConnection, { complexity: COST.search })
  async searchMentors(
    @Info() info: GraphQLResolveInfo,
    @Args('query', { type: () => String, nullable: true, description: 'free text, typo tolerant, prefix aware' })
    query: string | null,
    @Args('filter', { type: () => MentorFilter, nullable: true }) filter: MentorFilter | null,
    @Args('sort', { type: () => MentorSort, nullable: true, defaultValue: MentorSort.RELEVANCE })
    sort: keyof typeof MentorSort | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: '1..100' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MentorSearchConnection> {
    const page = await this.searchService.search({
      query,
      filter,
      sort,
      // The contract's arguments are nullable with defaults; an explicit null means the default.
      first: first ?? 20,
      after,
      withTotal: selects(info, 'totalCount'),
      withFacets: selects(info, 'facets'),
    });
    const edges = page.edges.map((edge) => ({ ...edge, node: toMentorProfileType(edge.node) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount ?? 0,
      // Unrequested facets are never computed, and never sent.
      facets: page.facets ?? { industries: [], skills: [], languages: [], formats: [], priceBands: [] },
      tookMs: page.tookMs,
    };
  }

  @Query(() => [MentorMatch], {
    complexity: COST.recommendation,
    description:
      "for the signed-in mentee's goals; format PEER favours mentors within 3 years of the mentee's experience " +
      'with overlapping goals, REVERSE mentors with less experience who hold skills the mentee wants',
  })
  async recommendedMentors(
    @Viewer() viewer: Principal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number | null,
    @Args('format', { type: () => MentorshipFormat, nullable: true }) format: MentorshipFormat | null,
  ): Promise<MentorMatch[]> {
    const matches = await this.recommendations.recommend(viewer.userId, first ?? 10, format);
    return matches.map((match) => ({ ...match, mentor: toMentorProfileType(match.mentor) }));
  }
}
