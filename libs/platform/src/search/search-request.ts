/**
 * One term of a normalised query. `alternatives` are whole-word spellings that count as
 * exact matches (the word itself and its synonyms; a multi-word synonym is a phrase);
 * `prefix` is set on the last word, which may still be being typed.
 */
export interface QueryTerm {
  word: string;
  alternatives: string[][];
  prefix: boolean;
}

/** Filters already validated and resolved by the domain (slugs, allowed time zones). */
export interface SearchFilter {
  industries?: string[];
  skills?: string[];
  languages?: string[];
  formats?: string[];
  minRating?: number;
  maxPriceCents?: number;
  freeOnly?: boolean;
  minYearsOfExperience?: number;
  acceptingRequestsOnly: boolean;
  /** Zones whose current offset is acceptable; the domain computes them at query time. */
  timeZones?: string[];
  countryCodes?: string[];
}

export const SEARCH_SORTS = ['RELEVANCE', 'RATING', 'EXPERIENCE', 'PRICE_ASC', 'NEWEST'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const FACET_NAMES = ['industries', 'skills', 'languages', 'formats', 'priceBands'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface FacetCount {
  value: string;
  count: number;
}
export type Facets = Record<FacetName, FacetCount[]>;

export interface SearchRequest {
  terms: QueryTerm[];
  filter: SearchFilter;
  sort: SearchSort;
  first: number;
  /** An engine-issued cursor, opaque to everyone else. */
  after: string | null;
  /** Counting and faceting cost a pass over the whole result: only when asked. */
  withTotal: boolean;
  withFacets: boolean;
}

export interface SearchHit {
  id: string;
  cursor: string;
  /** Field texts with the matched words wrapped in <mark>…</mark>, most important field first. */
  highlights: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  hasNextPage: boolean;
  totalCount: number | null;
  facets: Facets | null;
}
