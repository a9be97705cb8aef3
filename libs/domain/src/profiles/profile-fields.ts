import { timeZoneSchema } from '@app/platform';
import { z } from 'zod';
import { skillKey } from '../taxonomy/skill-names.js';
import { COUNTRY_CODES } from './codes/countries.js';
import { CURRENCY_CODES } from './codes/currencies.js';
import { LANGUAGE_CODES } from './codes/languages.js';
import { distinct, plainText } from '@app/platform';

/** Field schemas shared by the mentor and mentee profile inputs. */

/** A list whose repeats are dropped before its size limits apply (["en", "EN"] is one language). */
function distinctList(item: z.ZodType<string, string>, min: number, max: number, one: string, many: string) {
  return z
    .array(item)
    .transform((values) => distinct(values))
    .pipe(
      z
        .array(z.string())
        .min(min, `needs at least ${min} ${min === 1 ? one : many}`)
        .max(max, `allows at most ${max} ${many}`),
    );
}

export const MAX_SKILL_NAME = 50;

export function industrySlugs(known: ReadonlySet<string>, min: number, max: number) {
  return distinctList(
    z.string().refine((slug) => known.has(slug), 'is not a known industry slug'),
    min,
    max,
    'industry',
    'industries',
  );
}

export function skillNames(min: number, max: number) {
  return z
    .array(plainText(1, MAX_SKILL_NAME).refine((name) => skillKey(name).length > 0, 'must contain a letter or a digit'))
    .min(min, `needs at least ${min} skill`)
    .max(max, `allows at most ${max} skills`);
}

export const languageCodes = distinctList(
  z
    .string()
    .transform((code) => code.trim().toLowerCase())
    .refine((code) => LANGUAGE_CODES.has(code), 'is not an ISO 639-1 language code'),
  1,
  10,
  'language',
  'languages',
);

export const yearsOfExperience = z.number().int().min(0, 'must be 0 or more').max(60, 'must be at most 60');

export const timeZone = timeZoneSchema;

export const countryCode = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .refine((code) => COUNTRY_CODES.has(code), 'is not an ISO 3166-1 alpha-2 country code')
  .nullish();

export const money = z.object({
  amountCents: z
    .number()
    .int()
    .min(1, 'must be positive; a free profile has no price')
    .max(100_000_000, 'must be at most 100000000'),
  currency: z
    .string()
    .transform((code) => code.trim().toUpperCase())
    .refine((code) => CURRENCY_CODES.has(code), 'is not a supported ISO 4217 currency code'),
});
