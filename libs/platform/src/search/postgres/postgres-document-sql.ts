import type { MentorSearchDocument } from '../search-document.js';
import type { FacetName } from '../search-request.js';
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
 * also holds TOTAL, which makes the exact total a count of the same pass.
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
  const facet = (Object.keys(FACET_TAGS) as FacetName[]).find((name) => tagged.startsWith(`${FACET_TAGS[name]}:`));
  return facet ? { facet, value: tagged.slice(FACET_TAGS[facet].length + 1) } : null;
}

/** The SQL test "this tagged value belongs to `facet`", for an unnested value `v`. */
export const isFacetValue = (facet: FacetName, v: string): string => `left(${v}, 2) = '${FACET_TAGS[facet]}:'`;

function facetValues(doc: MentorSearchDocument): string[] {
  const values: Record<FacetName, string[]> = {
    industries: doc.industrySlugs,
    skills: doc.skillSlugs,
    languages: doc.languages,
    formats: doc.formats,
    priceBands: [doc.priceBand],
  };
  return [
    TOTAL,
    ...(Object.keys(values) as FacetName[]).flatMap((facet) => values[facet].map((v) => facetValue(facet, v))),
  ];
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
  const values = [
    params.add(doc.id, 'uuid'),
    params.add(doc.version, 'int'),
    params.add(facetValues(doc), 'text[]'),
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
