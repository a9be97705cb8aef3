import type { QueryTerm } from '../search-request.js';
import { foldWord } from '../text-tokens.js';

/** The tsqueries of one term: exact spellings, exact-or-prefix, and anything including typos. */
export interface TermQueries {
  exact: string;
  strict: string;
  full: string;
  /** Whether anything but exact spellings can match (a prefix or typo variants). */
  inexact: boolean;
}

export interface TextQuery {
  terms: TermQueries[];
  /** Matches a document that matches any term: the candidate set. */
  any: string;
  /** Whether a word of a document counts as a match, for highlighting. */
  matches(word: string): boolean;
}

// Words are letters and digits only (see tokenize), so quoting them is enough to make
// them lexemes; the finished tsquery is still passed as a bind parameter.
const lexeme = (word: string): string => `'${word}'`;

const or = (parts: string[]): string => parts.map((part) => `(${part})`).join(' | ');

/** Builds tsqueries from normalised terms and the typo variants found for each word. */
export function buildTextQuery(terms: QueryTerm[], typoVariants: ReadonlyMap<string, string[]>): TextQuery {
  const whole = new Set<string>();
  const prefixes: string[] = [];
  const queries = terms.map((term) => {
    const exact = or(term.alternatives.map((phrase) => phrase.map(lexeme).join(' <-> ')));
    term.alternatives.flat().forEach((word) => whole.add(word));
    const strict = term.prefix ? or([exact, `${lexeme(term.word)}:*`]) : exact;
    if (term.prefix) prefixes.push(term.word);
    const typos = typoVariants.get(term.word) ?? [];
    typos.forEach((word) => whole.add(word));
    const full = typos.length > 0 ? or([strict, ...typos.map(lexeme)]) : strict;
    return { exact, strict, full, inexact: term.prefix || typos.length > 0 };
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
