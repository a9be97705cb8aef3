import type { SearchSort } from '../search-request.js';
import type { SqlParams } from './sql-params.js';
import { matchesDocument, type TextQuery } from './postgres-text-query.js';

const sum = (parts: string[]): string => (parts.length === 0 ? '0' : parts.join(' + '));

/**
 * Sort keys as SQL expressions, every one descending and followed by the id, so a
 * page boundary is one row comparison (keyset pagination). Relevance follows
 * Meilisearch's rules: words matched, fewer typos, proximity and field weight
 * (cover density over A..D weights), exact over prefix/typo, then rating.
 */
export function sortKeys(sort: SearchSort, text: TextQuery | null, params: SqlParams): string[] {
  if (sort === 'RELEVANCE' && text) {
    // Placeholders are bound on first use: PostgreSQL refuses a parameter no expression uses.
    const once = (value: string) => {
      let placeholder: string | undefined;
      return () => (placeholder ??= params.add(value, 'tsquery'));
    };
    const terms = text.terms.map((term) => {
      const full = once(term.full);
      const strict = once(term.strict);
      const exact = once(term.exact);
      return {
        inexact: term.inexact,
        typos: term.full !== term.strict,
        get full() {
          return full();
        },
        get strict() {
          return strict();
        },
        get exact() {
          return exact();
        },
      };
    });
    // Every key costs a pass over each candidate's tsvector: keys that cannot differ
    // between candidates of this query (one word; no typo variants; no inexact match) are left out.
    const keys: string[] = [];
    if (terms.length > 1) keys.push(sum(terms.map((t) => `${matchesDocument(t.full)}::int`)));
    const typoTerms = terms.filter((t) => t.typos);
    // With one word every candidate matched it, so "not strictly" means "only with a typo".
    const onlyByTypo = (t: (typeof terms)[number]) =>
      terms.length === 1
        ? `NOT ${matchesDocument(t.strict)}`
        : `${matchesDocument(t.full)} AND NOT ${matchesDocument(t.strict)}`;
    if (typoTerms.length > 0) keys.push(`-(${sum(typoTerms.map((t) => `(${onlyByTypo(t)})::int`))})`);
    // Cover density adds proximity, which only exists between two or more words; it costs twice as much.
    const rank = terms.length > 1 ? 'ts_rank_cd' : 'ts_rank';
    keys.push(`${rank}('{0.1, 0.2, 0.4, 1.0}', d.search_text, ${params.add(text.any, 'tsquery')}, 1)::float8`);
    if (terms.some((t) => t.inexact)) keys.push(sum(terms.map((t) => `${matchesDocument(t.exact)}::int`)));
    keys.push('d.rating_score');
    return keys;
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
