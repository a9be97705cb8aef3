import { tokenize } from '@app/platform';

/** Meilisearch also stops at ten words: the rest of a long query adds cost, not precision. */
export const MAX_QUERY_WORDS = 10;
const MAX_WORD_LENGTH = 40;
// Only the start of a pasted essay is read; it already holds more than ten words.
const MAX_SCANNED_CHARS = 1000;

/** The words of a free-text query, folded and bounded; empty for a blank query. */
export function queryWords(query: string | null | undefined): string[] {
  if (!query) return [];
  return tokenize(query.slice(0, MAX_SCANNED_CHARS))
    .map((word) => word.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_QUERY_WORDS);
}
