import type { QueryTerm } from '../search-request.js';
import { foldWord } from '../text-tokens.js';

/** The tsqueries of one term: exact spellings, exact-or-prefix, and anything including typos. */
export interface TermQueries {
  exact: string;
  strict: string;
  full: string;
  /**
   * `full` restricted to one field weight (A headline, B skills, C industries and role):
   * every lexeme labelled, so a row is tested in place, without building a filtered tsvector.
   */
  fullIn: Record<FieldWeight, string>;
  /** Whether anything but exact spellings can match (a prefix or typo variants). */
  inexact: boolean;
}

export type FieldWeight = 'A' | 'B' | 'C';

const FIELD_WEIGHTS: FieldWeight[] = ['A', 'B', 'C'];

export interface TextQuery {
  terms: TermQueries[];
  /** Matches a document that matches any term: the candidate set. */
  any: string;
  /** Whether a word of a document counts as a match, for highlighting. */
  matches(word: string): boolean;
}

// Words are letters and digits only (see tokenize), so quoting them is enough to make
// them lexemes; the finished tsquery is still passed as a bind parameter.
// A weight label restricts a lexeme to positions of that field ('word':A, prefix 'word':*A).
const lexeme = (word: string, weight = ''): string => `'${word}'${weight ? `:${weight}` : ''}`;
const prefixLexeme = (word: string, weight = ''): string => `'${word}':*${weight}`;

const or = (parts: string[]): string => parts.map((part) => `(${part})`).join(' | ');

/** Builds tsqueries from normalised terms and the typo variants found for each word. */
export function buildTextQuery(terms: QueryTerm[], typoVariants: ReadonlyMap<string, string[]>): TextQuery {
  const whole = new Set<string>();
  const prefixes: string[] = [];
  const queries = terms.map((term) => {
    term.alternatives.flat().forEach((word) => whole.add(word));
    if (term.prefix) prefixes.push(term.word);
    const typos = typoVariants.get(term.word) ?? [];
    typos.forEach((word) => whole.add(word));
    const exactIn = (weight: string) =>
      or(term.alternatives.map((phrase) => phrase.map((word) => lexeme(word, weight)).join(' <-> ')));
    const strictIn = (weight: string) =>
      term.prefix ? or([exactIn(weight), prefixLexeme(term.word, weight)]) : exactIn(weight);
    const fullIn = (weight: string) =>
      typos.length > 0 ? or([strictIn(weight), ...typos.map((word) => lexeme(word, weight))]) : strictIn(weight);
    return {
      exact: exactIn(''),
      strict: strictIn(''),
      full: fullIn(''),
      fullIn: Object.fromEntries(FIELD_WEIGHTS.map((weight) => [weight, fullIn(weight)])) as Record<
        FieldWeight,
        string
      >,
      inexact: term.prefix || typos.length > 0,
    };
  });
  return {
    terms: queries,
    any: or(queries.map((query) => query.full)),
    matches(word) {
      const folded = foldWord(word);
      return whole.has(folded) || prefixes.some((prefix) => folded.startsWith(prefix));
    },
  };
}

/** A document row `d` matching a tsquery placeholder. */
export function matchesDocument(tsquery: string): string {
  return `(d.search_text @@ ${tsquery})`;
}
