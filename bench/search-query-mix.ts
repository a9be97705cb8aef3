import type { MentorSearchArgs } from '@app/domain';

/** The fixed query mix: each entry is one searchMentors call (variables as a client sends them). */
export interface MixEntry {
  kind: 'single word' | 'two words' | 'typo' | 'prefix' | 'filter' | 'facets' | 'deep page';
  variables: Omit<MentorSearchArgs, 'withTotal' | 'withFacets'>;
  facets: boolean;
  /** For deep pages: how many pages to walk first to get the cursor. */
  depth?: number;
}

export const QUERY_MIX: MixEntry[] = [
  { kind: 'single word', variables: { query: 'python', first: 20 }, facets: false },
  { kind: 'single word', variables: { query: 'leadership', first: 20 }, facets: false },
  { kind: 'two words', variables: { query: 'product strategy', first: 20 }, facets: false },
  { kind: 'two words', variables: { query: 'machine learning', first: 20 }, facets: false },
  { kind: 'typo', variables: { query: 'pyhton', first: 20 }, facets: false },
  { kind: 'typo', variables: { query: 'kubernets', first: 20 }, facets: false },
  { kind: 'prefix', variables: { query: 'reac', first: 20 }, facets: false },
  { kind: 'filter', variables: { filter: { industries: ['fintech'], languages: ['en'] }, first: 20 }, facets: false },
  {
    kind: 'filter',
    variables: { query: 'design', filter: { formats: ['GROUP'], maxPriceCents: 10_000 }, first: 20 },
    facets: false,
  },
  { kind: 'facets', variables: { query: 'data', first: 20 }, facets: true },
  { kind: 'facets', variables: { filter: { minRating: 4, timeZones: ['Europe/Berlin'] }, first: 20 }, facets: true },
  { kind: 'deep page', variables: { query: 'engineer', first: 20 }, facets: false, depth: 10 },
];

export const SEARCH_QUERY = (facets: boolean) => `
  query Bench($query: String, $filter: MentorFilter, $sort: MentorSort, $first: Int, $after: String) {
    searchMentors(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { cursor highlights node { id headline yearsOfExperience } }
      pageInfo { hasNextPage endCursor }
      totalCount
      tookMs
      ${facets ? 'facets { industries { value count } skills { value count } languages { value count } formats { value count } priceBands { value count } }' : ''}
    }
  }`;
