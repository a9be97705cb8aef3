/**
 * What the search index holds for one published mentor: everything search filters,
 * sorts, facets or matches on, and nothing else. Built by the indexer from PostgreSQL;
 * `version` is the profile's, so an engine can refuse an older write.
 */
export interface MentorSearchDocument {
  id: string;
  version: number;
  headline: string;
  bio: string;
  /** Display names, matched as text; slugs are what filters and facets use. */
  skills: string[];
  skillSlugs: string[];
  industries: string[];
  industrySlugs: string[];
  currentRole: string | null;
  company: string | null;
  languages: string[];
  formats: string[];
  /** null = free */
  priceCents: number | null;
  priceBand: PriceBand;
  yearsOfExperience: number;
  /** Bayesian-smoothed average, the default ranking signal when there is no query. */
  ratingScore: number;
  /** Plain average of the reviews, null before the first; what `minRating` compares. */
  ratingAverage: number | null;
  acceptingRequests: boolean;
  timeZone: string;
  countryCode: string | null;
  publishedAtMs: number;
}

/** Searchable text fields, most important first: ranking prefers matches earlier in this list. */
export const SEARCHABLE_FIELDS = ['headline', 'skills', 'industries', 'currentRole', 'company', 'bio'] as const;
export type SearchableField = (typeof SEARCHABLE_FIELDS)[number];

export const PRICE_BANDS = ['FREE', 'UNDER_50', '50_TO_100', '100_TO_200', 'OVER_200'] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

/** Price bands in whole currency units, as shown in the price facet. */
export function priceBandOf(priceCents: number | null): PriceBand {
  if (priceCents === null || priceCents === 0) return 'FREE';
  if (priceCents < 5_000) return 'UNDER_50';
  if (priceCents < 10_000) return '50_TO_100';
  if (priceCents < 20_000) return '100_TO_200';
  return 'OVER_200';
}
