import type { MentorSearchDocument } from '../search-document.js';
import { FACET_NAMES, type FacetName } from '../search-request.js';
import { tokenize } from '../text-tokens.js';
import type { SqlParams } from './sql-params.js';

/**
 * A document is two rows. `mentor_search_documents` holds only what matching, filtering,
 * sorting, counting and faceting read, so a broad word's candidates fit in few pages and
 * stay in shared buffers; `mentor_search_texts` holds the display texts, read for the
 * page's hits alone (highlights). Both rows carry the version and are written together.
 */
export const DOCUMENT_COLUMNS = [
  'id',
  'version',
  'facet_values',
  'facet_bounds',
  'price_cents',
  'years_of_experience',
  'rating_score',
  'rating_average',
  'accepting_requests',
  'time_zone',
  'country_code',
  'published_at_ms',
  'search_text',
] as const;

export const TEXT_COLUMNS = [
  'id',
  'version',
  'headline',
  'bio',
  'skills',
  'industries',
  'role_title',
  'company',
] as const;

/**
 * Facet values live in one array, each tagged with its facet (`s:python`, `l:en`), so one
 * GIN index serves every array filter and one unnest counts every facet. Every document
 * also holds TOTAL first, which makes the exact total a count of the same pass. Values are
 * grouped by facet in FACET_NAMES order and `facet_bounds` holds where each group ends, so
 * one facet's values are a slice (see facetSlice), read without the others.
 */
const FACET_TAGS: Record<FacetName, string> = {
  industries: 'i',
  skills: 's',
  languages: 'l',
  formats: 'f',
  priceBands: 'p',
};
export const TOTAL = '*';

export const facetValue = (facet: FacetName, value: string): string => `${FACET_TAGS[facet]}:${value}`;

/** The facet a tagged value belongs to and its plain value; TOTAL and unknown tags give null. */
export function untagFacetValue(tagged: string): { facet: FacetName; value: string } | null {
  const facet = FACET_NAMES.find((name) => tagged.startsWith(`${FACET_TAGS[name]}:`));
  return facet ? { facet, value: tagged.slice(FACET_TAGS[facet].length + 1) } : null;
}

/** SQL: the unnested value `v` belongs to none of `facets`. */
export const notFacetValue = (facets: FacetName[], v: string): string =>
  `left(${v}, 2) NOT IN (${facets.map((facet) => `'${FACET_TAGS[facet]}:'`).join(', ')})`;

/** SQL: one facet's values of the row `d` (an array slice; 1-based, bounds[1] is TOTAL's place). */
export function facetSlice(facet: FacetName): string {
  const k = FACET_NAMES.indexOf(facet) + 1;
  return `d.facet_values[d.facet_bounds[${k}] + 1 : d.facet_bounds[${k + 1}]]`;
}

function facetColumns(doc: MentorSearchDocument): { values: string[]; bounds: number[] } {
  const byFacet: Record<FacetName, string[]> = {
    industries: doc.industrySlugs,
    skills: doc.skillSlugs,
    languages: doc.languages,
    formats: doc.formats,
    priceBands: [doc.priceBand],
  };
  const values = [TOTAL];
  const bounds = [values.length];
  for (const facet of FACET_NAMES) {
    values.push(...byFacet[facet].map((value) => facetValue(facet, value)));
    bounds.push(values.length);
  }
  return { values, bounds };
}

const MAX_WORD = 40;

const words = (text: string | null): string => (text ? tokenize(text).join(' ') : '');

const weighted = (text: string, weight: string, params: SqlParams) =>
  `setweight(to_tsvector('simple', ${params.add(text, 'text')}), '${weight}')`;

/** The field weights of the index: A headline, B skills, C industries and role/company, D bio. */
function searchText(doc: MentorSearchDocument, params: SqlParams): string {
  return [
    weighted(words(doc.headline), 'A', params),
    weighted(words(doc.skills.join(' ')), 'B', params),
    weighted(words(doc.industries.join(' ')), 'C', params),
    weighted(words([doc.currentRole, doc.company].filter(Boolean).join(' ')), 'C', params),
    weighted(words(doc.bio), 'D', params),
  ].join(' || ');
}

/** One VALUES tuple for a document's search row, in DOCUMENT_COLUMNS order. */
export function documentValues(doc: MentorSearchDocument, params: SqlParams): string {
  const facets = facetColumns(doc);
  const values = [
    params.add(doc.id, 'uuid'),
    params.add(doc.version, 'int'),
    params.add(facets.values, 'text[]'),
    params.add(facets.bounds, 'int2[]'),
    params.add(doc.priceCents, 'int'),
    params.add(doc.yearsOfExperience, 'int'),
    params.add(doc.ratingScore, 'float8'),
    params.add(doc.ratingAverage, 'float8'),
    params.add(doc.acceptingRequests, 'boolean'),
    params.add(doc.timeZone, 'text'),
    params.add(doc.countryCode, 'text'),
    params.add(doc.publishedAtMs, 'float8'),
    searchText(doc, params),
  ];
  return `(${values.join(', ')})`;
}

/** One VALUES tuple for a document's display texts, in TEXT_COLUMNS order. */
export function textValues(doc: MentorSearchDocument, params: SqlParams): string {
  const values = [
    params.add(doc.id, 'uuid'),
    params.add(doc.version, 'int'),
    params.add(doc.headline, 'text'),
    params.add(doc.bio, 'text'),
    params.add(doc.skills, 'text[]'),
    params.add(doc.industries, 'text[]'),
    params.add(doc.currentRole, 'text'),
    params.add(doc.company, 'text'),
  ];
  return `(${values.join(', ')})`;
}

/** Every distinct word a batch of documents adds to the typo vocabulary, sorted (no lock-order deadlocks). */
export function vocabulary(docs: MentorSearchDocument[]): string[] {
  const all = new Set<string>();
  for (const doc of docs) {
    const text = [doc.headline, doc.bio, doc.currentRole, doc.company, ...doc.skills, ...doc.industries];
    for (const field of text)
      for (const word of field ? tokenize(field) : []) if (word.length <= MAX_WORD) all.add(word);
  }
  return [...all].sort();
}
