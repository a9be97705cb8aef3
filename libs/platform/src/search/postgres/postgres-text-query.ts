import type { QueryTerm } from '../search-request.js';
import { foldWord } from '../text-tokens.js';

/**
 * The tsqueries of one term: exact spellings, exact-or-prefix, and anything including typos.
 * Each is an OR of alternatives reduced to its simplest equal form (see `or`), which is
 * what keeps GIN from rechecking every candidate: a phrase forces a recheck.
 */
export interface TermQueries {
  exact: string;
  strict: string;
  full: string;
  /** `full` unreduced, for use inside a phrase (`<->`), where a reduced form would change the meaning. */
  fullInPhrase: string;
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

/** One alternative of an OR: a word, a phrase (several words), or a word as a prefix. */
interface Alternative {
  words: string[];
  prefix: boolean;
}

// Words are letters and digits only (see tokenize), so quoting them is enough to make
// them lexemes; the finished tsquery is still passed as a bind parameter.
// A weight label restricts a lexeme to positions of that field ('word':A, prefix 'word':*A).
function render({ words, prefix }: Alternative, weight: string): string {
  const label = `${prefix ? '*' : ''}${weight}`;
  return words.map((word) => `'${word}'${label ? `:${label}` : ''}`).join(' <-> ');
}

/**
 * An OR of alternatives as a document test, in its simplest equal form: a word matched
 * by a prefix in the same OR goes, and so does a phrase containing a word the OR already
 * accepts (a document with the phrase has the word). Only for a plain `@@` test: inside
 * a phrase, the positions of a phrase alternative matter.
 */
function or(alternatives: Alternative[], weight = ''): string {
  const prefixes = alternatives.filter((a) => a.prefix).map((a) => a.words[0]);
  const single = new Set(alternatives.filter((a) => !a.prefix && a.words.length === 1).map((a) => a.words[0]));
  const accepted = (word: string) => single.has(word) || prefixes.some((prefix) => word.startsWith(prefix));
  const kept = alternatives.filter((a) => {
    if (a.prefix) return true;
    if (a.words.length === 1) return !prefixes.some((prefix) => a.words[0].startsWith(prefix));
    return !a.words.some(accepted);
  });
  return unique(kept.map((a) => render(a, weight)))
    .map((part) => `(${part})`)
    .join(' | ');
}

const unique = (parts: string[]) => [...new Set(parts)];

/** Builds tsqueries from normalised terms and the typo variants found for each word. */
export function buildTextQuery(terms: QueryTerm[], typoVariants: ReadonlyMap<string, string[]>): TextQuery {
  const whole = new Set<string>();
  const prefixes: string[] = [];
  const levels = terms.map((term) => {
    term.alternatives.flat().forEach((word) => whole.add(word));
    if (term.prefix) prefixes.push(term.word);
    const typos = typoVariants.get(term.word) ?? [];
    typos.forEach((word) => whole.add(word));
    const exact: Alternative[] = term.alternatives.map((words) => ({ words, prefix: false }));
    const strict = term.prefix ? [...exact, { words: [term.word], prefix: true }] : exact;
    const full = [...strict, ...typos.map((word) => ({ words: [word], prefix: false }))];
    return { exact, strict, full, inexact: term.prefix || typos.length > 0 };
  });
  const queries = levels.map(({ exact, strict, full, inexact }) => ({
    exact: or(exact),
    strict: or(strict),
    full: or(full),
    fullInPhrase: unique(full.map((a) => render(a, '')))
      .map((part) => `(${part})`)
      .join(' | '),
    fullIn: Object.fromEntries(FIELD_WEIGHTS.map((weight) => [weight, or(full, weight)])) as Record<
      FieldWeight,
      string
    >,
    inexact,
  }));
  return {
    terms: queries,
    any: or(levels.flatMap((level) => level.full)),
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
