import type { MentorProfile } from './mentor-profile.entity.js';

/** What a published profile must have, by input field name; input validation covers the rest. */
const REQUIRED_FOR_PUBLISHING: ReadonlyArray<readonly [string, (p: MentorProfile) => boolean]> = [
  ['headline', (p) => p.headline.length > 0],
  ['bio', (p) => p.bio.length > 0],
  ['industries', (p) => p.industrySlugs.length > 0],
  ['skills', (p) => p.skillIds.length > 0],
  ['languages', (p) => p.languages.length > 0],
  ['formats', (p) => p.formats.length > 0],
  ['sessionLengths', (p) => p.sessionLengths.length > 0],
];

/** The input fields a profile still lacks before it can be published. */
export function missingForPublishing(profile: MentorProfile): string[] {
  return REQUIRED_FOR_PUBLISHING.filter(([, present]) => !present(profile)).map(([field]) => field);
}
