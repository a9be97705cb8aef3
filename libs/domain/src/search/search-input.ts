import { SEARCH_SORTS, timeZoneSchema } from '@app/platform';
import { z } from 'zod';
import { MentorshipFormat } from '../profiles/mentor-profile.entity.js';

export const MAX_QUERY_LENGTH = 10_000;

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `allows at most ${max} values`);

/** What a client may ask of searchMentors; the limits are the contract's and this page's. */
export function searchInputSchema(knownIndustries: ReadonlySet<string>) {
  return z.object({
    query: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).nullish(),
    filter: z
      .object({
        industries: list(
          z.string().refine((slug) => knownIndustries.has(slug), 'is not a known industry slug'),
          50,
        ).nullish(),
        skills: list(z.string().trim().min(1).max(50), 20).nullish(),
        languages: list(
          z
            .string()
            .transform((code) => code.trim().toLowerCase())
            .refine((code) => /^[a-z]{2}$/.test(code), 'is not an ISO 639-1 language code'),
          20,
        ).nullish(),
        formats: list(z.enum(Object.values(MentorshipFormat)), 5).nullish(),
        minRating: z.number().min(0, 'must be 0 or more').max(5, 'must be at most 5').nullish(),
        maxPriceCents: z.number().int().min(0, 'must be 0 or more').max(100_000_000).nullish(),
        freeOnly: z.boolean().nullish(),
        minYearsOfExperience: z.number().int().min(0, 'must be 0 or more').max(60, 'must be at most 60').nullish(),
        acceptingRequestsOnly: z.boolean().nullish(),
        timeZones: list(timeZoneSchema, 10).nullish(),
        countryCodes: list(
          z
            .string()
            .transform((code) => code.trim().toUpperCase())
            .refine((code) => /^[A-Z]{2}$/.test(code), 'is not an ISO 3166-1 alpha-2 country code'),
          50,
        ).nullish(),
      })
      .nullish(),
    sort: z.enum(SEARCH_SORTS).nullish(),
    after: z.string().max(2000).nullish(),
  });
}

export type SearchInput = z.input<ReturnType<typeof searchInputSchema>>;
