import type { MentorSearchDocument } from '../search-document.js';
import { tokenize } from '../text-tokens.js';
import type { SqlParams } from './sql-params.js';

export const COLUMNS = [
  'id',
  'version',
  'headline',
  'bio',
  'skills',
  'skill_slugs',
  'industries',
  'industry_slugs',
  'role_title',
  'company',
  'languages',
  'formats',
  'price_cents',
  'price_band',
  'years_of_experience',
  'rating_score',
  'rating_average',
  'accepting_requests',
  'time_zone',
  'country_code',
  'published_at_ms',
  'search_text',
] as const;

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

/** One VALUES tuple for a document, in COLUMNS order. */
export function documentValues(doc: MentorSearchDocument, params: SqlParams): string {
  const values = [
    params.add(doc.id, 'uuid'),
    params.add(doc.version, 'int'),
    params.add(doc.headline, 'text'),
    params.add(doc.bio, 'text'),
    params.add(doc.skills, 'text[]'),
    params.add(doc.skillSlugs, 'text[]'),
    params.add(doc.industries, 'text[]'),
    params.add(doc.industrySlugs, 'text[]'),
    params.add(doc.currentRole, 'text'),
    params.add(doc.company, 'text'),
    params.add(doc.languages, 'text[]'),
    params.add(doc.formats, 'text[]'),
    params.add(doc.priceCents, 'int'),
    params.add(doc.priceBand, 'text'),
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
