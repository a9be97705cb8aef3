import { z } from 'zod';
import { optionalPlainText, plainText } from '@app/platform';
import { industrySlugs, languageCodes, skillNames, yearsOfExperience } from './profile-fields.js';

export interface MenteeProfileInput {
  goals: string[];
  industries: string[];
  skills: string[];
  experienceLevel: number;
  languages: string[];
  bio?: string | null;
}

/** The limits of the public contract's MenteeProfileInput. */
export function menteeProfileSchema(knownIndustries: ReadonlySet<string>) {
  return z.object({
    goals: z.array(plainText(3, 200)).min(1, 'needs at least 1 goal').max(5, 'allows at most 5 goals'),
    industries: industrySlugs(knownIndustries, 0, 5),
    skills: skillNames(0, 20),
    experienceLevel: yearsOfExperience,
    languages: languageCodes,
    bio: optionalPlainText(2000),
  });
}
