import { z } from 'zod';

// Text is stored and returned as typed (markup included, never interpreted); only
// ASCII control characters, which hide or garble text in terminals and logs, are
// dropped. Tab and newline stay: bios have paragraphs.
function isDroppedControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n') || code === 0x7f;
}

export function toPlainText(value: string): string {
  return [...value.replace(/\r\n?/g, '\n')]
    .filter((char) => !isDroppedControl(char))
    .join('')
    .trim();
}

/** Characters as PostgreSQL's char_length counts them (code points, not UTF-16 units). */
export function charLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

function withinLength(min: number, max: number): z.ZodType<string, string> {
  return z
    .string()
    .refine((text) => charLength(text) >= min, `must be at least ${min} characters`)
    .refine((text) => charLength(text) <= max, `must be at most ${max} characters`);
}

/** A required text field, limits counted in characters after clean-up. */
export function plainText(min: number, max: number): z.ZodType<string, string> {
  return z.string().transform(toPlainText).pipe(withinLength(min, max));
}

/** An optional text field: omitted keeps the stored value, null or blank clears it. */
export function optionalPlainText(max: number): z.ZodType<string | null | undefined, string | null | undefined> {
  return z
    .string()
    .transform(toPlainText)
    .pipe(withinLength(0, max))
    .transform((text) => (text.length === 0 ? null : text))
    .nullish();
}

/** Keeps the first occurrence of each value, in order. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
