const WORD = /[\p{L}\p{N}]+/gu;
const CONTEXT = 60;

/**
 * Wraps the words of `text` that `matches` accepts in <mark>…</mark>; null when none
 * matched. Long texts are cut to a window around the first match.
 */
export function highlightText(text: string, matches: (word: string) => boolean): string | null {
  let out = '';
  let last = 0;
  let first = -1;
  for (const found of text.matchAll(WORD)) {
    if (!matches(found[0])) continue;
    const start = found.index;
    if (first < 0) first = out.length + (start - last);
    out += `${text.slice(last, start)}<mark>${found[0]}</mark>`;
    last = start + found[0].length;
  }
  if (first < 0) return null;
  out += text.slice(last);
  if (out.length <= CONTEXT * 4) return out;
  const from = Math.max(0, first - CONTEXT);
  const closing = out.indexOf('</mark>', first);
  let to = Math.min(out.length, Math.max(closing + 7, first) + CONTEXT * 2);
  // Never cut inside a later <mark> or </mark>.
  const open = out.lastIndexOf('<', to - 1);
  if (open > closing && out.indexOf('>', open) >= to) to = open;
  return `${from > 0 ? '…' : ''}${out.slice(from, to)}${to < out.length ? '…' : ''}`;
}
