import { isDeepStrictEqual } from 'node:util';
import type { MentorProfile } from './mentor-profile.entity.js';
import type { ValidMentorProfileInput } from './mentor-profile.inputs.js';

type EditableFields = Omit<
  MentorProfile,
  | 'id'
  | 'userId'
  | 'status'
  | 'ratingCount'
  | 'ratingSum'
  | 'ratingDistribution'
  | 'version'
  | 'publishedAt'
  | 'createdAt'
  | 'updatedAt'
>;

/** The columns a validated input sets; optional fields left out of the input are left out here. */
export function mentorProfileChanges(input: ValidMentorProfileInput, skillIds: string[]): Partial<EditableFields> {
  const changes: Partial<EditableFields> = {
    headline: input.headline,
    bio: input.bio,
    industrySlugs: input.industries,
    skillIds,
    yearsOfExperience: input.yearsOfExperience,
    languages: input.languages,
    timeZone: input.timeZone,
    formats: input.formats,
    sessionLengths: input.sessionLengths,
    maxActiveMentees: input.maxActiveMentees,
  };
  if (input.price !== undefined) {
    changes.priceCents = input.price?.amountCents ?? null;
    changes.priceCurrency = input.price?.currency ?? null;
  }
  if (input.currentRole !== undefined) changes.currentRole = input.currentRole;
  if (input.company !== undefined) changes.company = input.company;
  if (input.countryCode !== undefined) changes.countryCode = input.countryCode;
  return changes;
}

/** Applies the changes in place; true when any stored value differs afterwards. */
export function applyChanges(profile: MentorProfile, changes: Partial<EditableFields>): boolean {
  let changed = false;
  for (const key of Object.keys(changes) as Array<keyof EditableFields>) {
    if (!isDeepStrictEqual(profile[key], changes[key])) {
      Object.assign(profile, { [key]: changes[key] });
      changed = true;
    }
  }
  return changed;
}
