import type { Settings } from 'meilisearch';
import { SEARCHABLE_FIELDS } from '../search-document.js';
import type { Synonyms } from '../search-engine.js';

export const MEILI_FILTERABLE = [
  'industrySlugs',
  'skillSlugs',
  'languages',
  'formats',
  'ratingAverage',
  'priceSortCents',
  'priceBand',
  'yearsOfExperience',
  'acceptingRequests',
  'timeZone',
  'countryCode',
] as const;

export const MEILI_SORTABLE = ['ratingScore', 'publishedAtMs', 'yearsOfExperience', 'priceSortCents'] as const;

/**
 * Index settings mirroring the PostgreSQL engine: searchable fields in weight order
 * (the `attribute` rule ranks earlier fields higher), the typo budget of the contract,
 * and the rating as the final tie-break of relevance.
 */
export function meiliSettings(synonyms: Synonyms): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_FIELDS],
    filterableAttributes: [...MEILI_FILTERABLE],
    sortableAttributes: [...MEILI_SORTABLE],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'ratingScore:desc'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms,
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: 1_000_000 },
  };
}
