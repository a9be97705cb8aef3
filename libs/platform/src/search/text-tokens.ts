const WORD = /[\p{L}\p{N}]+/gu;
const DIACRITICS = /\p{M}+/gu;

/** Case- and accent-folded form of one word, as both indexing and querying see it. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
}

/** The folded words of a text, in order; punctuation separates words ("node.js" -> node, js). */
export function tokenize(text: string): string[] {
  return (text.match(WORD) ?? []).map(foldWord).filter((word) => word.length > 0);
}

/** Meilisearch's defaults: one typo from 5 letters, two from 9. */
export function allowedTypos(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/** Optimal string alignment distance: edits, with a swap of neighbours counted as one typo. */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
