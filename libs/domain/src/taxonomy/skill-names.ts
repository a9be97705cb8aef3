/**
 * How a free-form skill name folds. Case, accents, spacing and punctuation do not
 * distinguish skills; `+`, `#` and `&` do (C++ is not C), so they are spelled out.
 * The slug is the hyphenated fold (`node-js`), the key the compact one (`nodejs`):
 * `Java Script`, `javascript` and `JavaScript` share a key, and curated aliases
 * (`js`) are keys too.
 */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function skillSlug(name: string): string {
  return words(name).join('-');
}

export function skillKey(name: string): string {
  return words(name).join('');
}

/** The display name a new skill gets: trimmed, single-spaced, capitalised when typed all lower-case. */
export function skillDisplayName(name: string): string {
  const spaced = name.trim().replace(/\s+/g, ' ');
  if (spaced !== spaced.toLowerCase()) return spaced;
  return spaced.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
