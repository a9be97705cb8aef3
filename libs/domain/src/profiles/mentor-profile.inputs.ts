import { z } from 'zod';
import { MentorshipFormat } from './mentor-profile.entity.js';
import { distinct, optionalPlainText, plainText } from '@app/platform';
import {
  countryCode,
  industrySlugs,
  languageCodes,
  money,
  skillNames,
  timeZone,
  yearsOfExperience,
} from './profile-fields.js';

export interface MoneyInput {
  amountCents: number;
  currency: string;
}

/** What a client sends; optional fields left out keep their stored value, null clears them. */
export interface MentorProfileInput {
  headline: string;
  bio: string;
  industries: string[];
  skills: string[];
  yearsOfExperience: number;
  languages: string[];
  timeZone: string;
  formats: MentorshipFormat[];
  sessionLengths: number[];
  price?: MoneyInput | null;
  maxActiveMentees: number;
  currentRole?: string | null;
  company?: string | null;
  countryCode?: string | null;
}

/** The limits of the public contract's MentorProfileInput. */
export function mentorProfileSchema(knownIndustries: ReadonlySet<string>) {
  return z.object({
    headline: plainText(10, 120),
    bio: plainText(50, 5000),
    industries: industrySlugs(knownIndustries, 1, 5),
    skills: skillNames(1, 20),
    yearsOfExperience,
    languages: languageCodes,
    timeZone,
    // Empty lists are fine in a draft; publishing asks for them.
    formats: z.array(z.enum(MentorshipFormat)).max(5).transform(distinct),
    sessionLengths: z
      .array(z.number().int().min(15, 'must be at least 15 minutes').max(240, 'must be at most 240 minutes'))
      .max(10, 'allows at most 10 lengths')
      .transform((lengths) => distinct(lengths).sort((a, b) => a - b)),
    price: money.nullish(),
    maxActiveMentees: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'),
    currentRole: optionalPlainText(100),
    company: optionalPlainText(100),
    countryCode,
  });
}

export type ValidMentorProfileInput = z.output<ReturnType<typeof mentorProfileSchema>>;
