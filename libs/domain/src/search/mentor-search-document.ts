import { priceBandOf, type MentorSearchDocument } from '@app/platform';
import { ProfileStatus, type MentorProfile, type MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import { averageRating, bayesianRating } from './bayesian-rating.js';

export interface DocumentContext {
  skills: ReadonlyMap<string, { slug: string; name: string }>;
  industries: ReadonlyMap<string, { name: string }>;
  activeMentees: number;
  /** Kinds of the OPEN groups the mentor hosts: hosting one makes GROUP or CIRCLE a format search shows. */
  openGroupKinds: readonly MentorshipFormat[];
}

/** The search document of a published profile; taxonomy names and capacity come from the caller. */
export function toSearchDocument(profile: MentorProfile, context: DocumentContext): MentorSearchDocument {
  const skills = profile.skillIds.flatMap((id) => {
    const skill = context.skills.get(id);
    return skill ? [skill] : [];
  });
  return {
    id: profile.id,
    version: profile.version,
    headline: profile.headline,
    bio: profile.bio,
    skills: skills.map((skill) => skill.name),
    skillSlugs: skills.map((skill) => skill.slug),
    industries: profile.industrySlugs.map((slug) => context.industries.get(slug)?.name ?? slug),
    industrySlugs: profile.industrySlugs,
    currentRole: profile.currentRole,
    company: profile.company,
    languages: profile.languages,
    formats: [...new Set([...profile.formats, ...context.openGroupKinds])],
    priceCents: profile.priceCents,
    priceBand: priceBandOf(profile.priceCents),
    yearsOfExperience: profile.yearsOfExperience,
    ratingScore: bayesianRating(profile.ratingSum, profile.ratingCount),
    ratingAverage: averageRating(profile.ratingSum, profile.ratingCount),
    acceptingRequests: profile.status === ProfileStatus.PUBLISHED && context.activeMentees < profile.maxActiveMentees,
    timeZone: profile.timeZone,
    countryCode: profile.countryCode,
    publishedAtMs: (profile.publishedAt ?? profile.createdAt).getTime(),
  };
}
