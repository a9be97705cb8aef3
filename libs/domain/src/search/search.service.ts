import { Inject, Injectable } from '@nestjs/common';
import {
  checkPageSize,
  parseInput,
  SEARCH_ENGINE,
  type Facets,
  type SearchEngine,
  type SearchFilter,
  type SearchRequest,
} from '@app/platform';
import type { z } from 'zod';
import { ProfileStatus, type MentorProfile } from '../profiles/mentor-profile.entity.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { searchInputSchema, type SearchInput } from './search-input.js';
import { queryWords } from './search-query.js';
import { SearchSynonymsService } from './search-synonyms.service.js';
import { zonesNear } from './time-zone-window.js';

export interface MentorSearchArgs extends SearchInput {
  first: number;
  /** Counting and faceting cost a pass over every match: done only when asked for. */
  withTotal?: boolean;
  withFacets?: boolean;
}

export interface MentorSearchEdge {
  cursor: string;
  node: MentorProfile;
  highlights: string[];
}

export interface MentorSearchPage {
  edges: MentorSearchEdge[];
  hasNextPage: boolean;
  totalCount: number | null;
  facets: Facets | null;
  tookMs: number;
}

type ValidFilter = NonNullable<z.output<ReturnType<typeof searchInputSchema>>['filter']>;

/** searchMentors: validates and normalises the request, asks the engine, returns published profiles. */
@Injectable()
export class SearchService {
  private readonly inputSchemas = new WeakMap<ReadonlySet<string>, ReturnType<typeof searchInputSchema>>();

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly synonyms: SearchSynonymsService,
    private readonly taxonomy: TaxonomyService,
    private readonly profiles: MentorProfilesService,
  ) {}

  async search(args: MentorSearchArgs): Promise<MentorSearchPage> {
    const started = performance.now();
    const result = await this.engine.search(await this.engineRequest(args));
    const found = await this.profiles.findByIds(result.hits.map((hit) => hit.id));
    // The index may trail PostgreSQL by a moment: a profile paused since is never shown.
    const edges = result.hits.flatMap((hit, i) => {
      const node = found[i];
      return node?.status === ProfileStatus.PUBLISHED ? [{ cursor: hit.cursor, node, highlights: hit.highlights }] : [];
    });
    return {
      edges,
      hasNextPage: result.hasNextPage,
      totalCount: result.totalCount,
      facets: result.facets,
      tookMs: Math.round(performance.now() - started),
    };
  }

  /** Validates and normalises a request into what the engine runs (the benchmark times the engine on it alone). */
  async engineRequest(args: MentorSearchArgs): Promise<SearchRequest> {
    const first = checkPageSize(args.first);
    const schema = this.inputSchema(await this.taxonomy.industrySlugs()).shape;
    // Each argument is its own root, so a refusal names it as the client wrote it (`filter.languages[1]`).
    const input = {
      query: parseInput(schema.query, args.query, 'query'),
      filter: parseInput(schema.filter, args.filter, 'filter'),
      sort: parseInput(schema.sort, args.sort, 'sort'),
      after: parseInput(schema.after, args.after, 'after'),
    };
    const [terms, filter] = await Promise.all([
      this.synonyms.terms(queryWords(input.query)),
      this.engineFilter(input.filter ?? {}),
    ]);
    return {
      terms,
      filter,
      sort: input.sort ?? 'RELEVANCE',
      first,
      after: input.after ?? null,
      withTotal: args.withTotal ?? true,
      withFacets: args.withFacets ?? true,
    };
  }

  /** Building the zod schema costs more than validating with it: one per industry list. */
  private inputSchema(industries: ReadonlySet<string>): ReturnType<typeof searchInputSchema> {
    let schema = this.inputSchemas.get(industries);
    if (!schema) {
      schema = searchInputSchema(industries);
      this.inputSchemas.set(industries, schema);
    }
    return schema;
  }

  private async engineFilter(filter: ValidFilter): Promise<SearchFilter> {
    const some = <T>(values: T[] | null | undefined): T[] | undefined =>
      values && values.length > 0 ? values : undefined;
    const skills = some(filter.skills);
    const zones = some(filter.timeZones);
    return {
      industries: some(filter.industries),
      skills: skills ? await this.synonyms.skillSlugs(skills) : undefined,
      languages: some(filter.languages),
      formats: some(filter.formats),
      minRating: filter.minRating ?? undefined,
      maxPriceCents: filter.maxPriceCents ?? undefined,
      freeOnly: filter.freeOnly ?? undefined,
      minYearsOfExperience: filter.minYearsOfExperience ?? undefined,
      acceptingRequestsOnly: filter.acceptingRequestsOnly ?? true,
      timeZones: zones ? zonesNear(zones) : undefined,
      countryCodes: some(filter.countryCodes),
    };
  }
}
