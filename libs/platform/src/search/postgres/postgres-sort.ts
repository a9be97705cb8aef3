import type { SearchSort } from '../search-request.js';
import type { SqlParams } from './sql-params.js';
import type { TextQuery } from './postgres-text-query.js';

const sum = (parts: string[]): string => (parts.length === 0 ? '0' : parts.join(' + '));

/**
 * Sort keys as SQL expressions, every one descending and followed by the id, so a
 * page boundary is one row comparison (keyset pagination). Relevance follows
 * Meilisearch's rules: words matched, fewer typos, proximity and field weight
 * (cover density over A..D weights), exact over prefix/typo, then rating.
 */
export function sortKeys(sort: SearchSort, text: TextQuery | null, params: SqlParams): string[] {
  if (sort === 'RELEVANCE' && text) {
    const terms = text.terms.map((term) => ({
      full: params.add(term.full, 'tsquery'),
      strict: params.add(term.strict, 'tsquery'),
      exact: params.add(term.exact, 'tsquery'),
    }));
    return [
      sum(terms.map((t) => `(d.search_text @@ ${t.full})::int`)),
      `-(${sum(terms.map((t) => `(d.search_text @@ ${t.full} AND NOT d.search_text @@ ${t.strict})::int`))})`,
      `ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.search_text, ${params.add(text.any, 'tsquery')}, 1)::float8`,
      sum(terms.map((t) => `(d.search_text @@ ${t.exact})::int`)),
      'd.rating_score',
    ];
  }
  switch (sort) {
    case 'RELEVANCE':
    case 'RATING':
      return ['d.rating_score', 'd.published_at_ms'];
    case 'EXPERIENCE':
      return ['d.years_of_experience', 'd.rating_score'];
    case 'PRICE_ASC':
      return ['-coalesce(d.price_cents, 0)', 'd.rating_score'];
    case 'NEWEST':
      return ['d.published_at_ms'];
  }
}
