import type { SearchSort } from '../search-request.js';
import type { SqlParams } from './sql-params.js';
import { matchesDocument, type TextQuery } from './postgres-text-query.js';

/** One value of a key, with the condition that is exactly "the key has this value". */
interface Level {
  value: number;
  condition: () => string;
  matches: boolean;
}

const sum = (parts: string[]): string => (parts.length === 0 ? '0' : parts.join(' + '));

/**
 * A slice of the ranking: every row of a tier ranks above every row of the next one, and
 * `fixed` holds the keys all its rows share (null where rows differ). Its condition is
 * exactly "the fixed keys have these values", so a cursor's keys tell which tier it is in.
 */
export interface RankTier {
  fixed: Array<number | null>;
  condition: () => string;
  /** The condition alone implies a text match (so the index on it can drive the query). */
  matches: boolean;
}

/**
 * Sort keys as SQL expressions, every one descending and followed by the id, so a page
 * boundary is one row comparison (keyset pagination), and the tiers to evaluate them in.
 * Keys are built lazily: a placeholder is bound only when its SQL is used, because
 * PostgreSQL refuses a parameter no expression uses.
 */
export interface Ranking {
  keys: Array<() => string>;
  tiers: RankTier[];
}

const plain = (keys: string[]): Ranking => ({
  keys: keys.map((key) => () => key),
  tiers: [{ fixed: keys.map(() => null), condition: () => 'true', matches: false }],
});

export function ranking(sort: SearchSort, text: TextQuery | null, params: SqlParams): Ranking {
  if (sort === 'RELEVANCE' && text) return relevance(text, params);
  switch (sort) {
    case 'RELEVANCE':
    case 'RATING':
      return plain(['d.rating_score', 'd.published_at_ms']);
    case 'EXPERIENCE':
      return plain(['d.years_of_experience', 'd.rating_score']);
    case 'PRICE_ASC':
      return plain(['-coalesce(d.price_cents, 0)', 'd.rating_score']);
    case 'NEWEST':
      return plain(['d.published_at_ms']);
  }
}

/**
 * Relevance follows Meilisearch's rules as discrete keys: words matched, fewer typos,
 * proximity (all words adjacent), attribute (best field per word: headline, skills,
 * industries/role, bio), exact over prefix/typo, then rating. Discrete keys cut the
 * ranking into tiers with index-friendly conditions (e.g. "the word is in a headline"):
 * a page is filled from the best tiers and never ranks every candidate of a broad word.
 */
function relevance(text: TextQuery, params: SqlParams): Ranking {
  const bind = (value: string) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= params.add(value, 'tsquery'));
  };
  const once = (value: string) => {
    const placeholder = bind(value);
    return () => matchesDocument(placeholder());
  };
  // A term in one field, two equivalent ways: `index` (ts_filter by weight) matches the
  // expression indexes of migration 1763770400000 and drives a tier; `row` (weight-labelled
  // tsquery) tests a row in place, about 5x cheaper than building the filtered tsvector.
  const inField = (weight: 'a' | 'b' | 'c', full: () => string, labelled: string) => ({
    index: () => `(ts_filter(d.search_text, '{${weight}}') @@ ${full()})`,
    row: once(labelled),
  });
  const terms = text.terms.map((term) => {
    const full = bind(term.full);
    return {
      typos: term.full !== term.strict,
      inexact: term.inexact,
      full: () => matchesDocument(full()),
      strict: once(term.strict),
      exact: once(term.exact),
      inA: inField('a', full, term.fullIn.A),
      inB: inField('b', full, term.fullIn.B),
      inC: inField('c', full, term.fullIn.C),
    };
  });
  const many = terms.length > 1;
  const all = once(text.terms.map((t) => `(${t.full})`).join(' & '));
  const phrase = once(text.terms.map((t) => `(${t.fullInPhrase})`).join(' <-> '));
  type Term = (typeof terms)[number];
  // With one word every candidate matched it, so "not strictly" means "only with a typo".
  const onlyByTypo = (t: Term) => (many ? `${t.full()} AND NOT ${t.strict()}` : `NOT ${t.strict()}`);
  const attribute = (t: Term) =>
    `CASE WHEN ${t.inA.row()} THEN 3 WHEN ${t.inB.row()} THEN 2 WHEN ${t.inC.row()} THEN 1 ELSE 0 END`;

  // Each dimension: its key, and (when tiers split on it) its values best first with the
  // condition that is exactly "the key has this value" among candidates.
  interface Dimension {
    key: () => string;
    levels?: Level[];
  }
  const dims: Dimension[] = [];
  const typoTerms = terms.filter((t) => t.typos);
  if (many) {
    dims.push({
      key: () => sum(terms.map((t) => `${t.full()}::int`)),
      levels: [
        { value: terms.length, condition: all, matches: true },
        { value: Number.NaN, condition: () => `NOT ${all()}`, matches: false },
      ],
    });
  }
  if (typoTerms.length > 0) {
    dims.push({
      key: () => `-(${sum(typoTerms.map((t) => `(${onlyByTypo(t)})::int`))})`,
      levels: many
        ? undefined
        : [
            { value: 0, condition: () => typoTerms[0].strict(), matches: true },
            { value: -1, condition: () => `NOT ${typoTerms[0].strict()}`, matches: false },
          ],
    });
  }
  if (many) {
    dims.push({
      key: () => `${phrase()}::int`,
      levels: [
        { value: 1, condition: phrase, matches: true },
        { value: 0, condition: () => `NOT ${phrase()}`, matches: false },
      ],
    });
  }
  const [only] = terms;
  dims.push({
    key: () => sum(terms.map((t) => attribute(t))),
    levels: many
      ? undefined
      : [
          { value: 3, condition: only.inA.index, matches: true },
          { value: 2, condition: () => `${only.inB.index()} AND NOT ${only.inA.row()}`, matches: true },
          {
            value: 1,
            condition: () => `${only.inC.index()} AND NOT ${only.inA.row()} AND NOT ${only.inB.row()}`,
            matches: true,
          },
          {
            value: 0,
            condition: () => `NOT ${only.inA.row()} AND NOT ${only.inB.row()} AND NOT ${only.inC.row()}`,
            matches: false,
          },
        ],
  });
  if (terms.some((t) => t.inexact)) dims.push({ key: () => sum(terms.map((t) => `${t.exact()}::int`)) });
  dims.push({ key: () => 'd.rating_score' });

  return { keys: dims.map((d) => () => `(${d.key()})::float8`), tiers: tiers(dims) };
}

/**
 * Tiers over the leading dimensions that have levels, best first. A level whose value is
 * NaN is a remainder (several key values): it ends the split, since dimensions after it
 * no longer order the rows on their own.
 */
function tiers(dims: Array<{ levels?: Level[] }>): RankTier[] {
  let result: Array<{ fixed: Array<number | null>; conditions: Array<() => string>; open: boolean; matches: boolean }> =
    [{ fixed: [], conditions: [], open: true, matches: false }];
  for (const dim of dims) {
    result = result.flatMap((tier) => {
      if (!tier.open || !dim.levels) return [{ ...tier, fixed: [...tier.fixed, null], open: false }];
      return dim.levels.map((level) => {
        const remainder = Number.isNaN(level.value);
        return {
          fixed: [...tier.fixed, remainder ? null : level.value],
          conditions: [...tier.conditions, level.condition],
          open: !remainder,
          matches: tier.matches || level.matches,
        };
      });
    });
  }
  return result.map((tier) => ({
    fixed: tier.fixed,
    condition: () => (tier.conditions.length === 0 ? 'true' : tier.conditions.map((c) => `(${c()})`).join(' AND ')),
    matches: tier.matches,
  }));
}
