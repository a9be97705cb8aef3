import { Inject, Injectable } from '@nestjs/common';
import { checkPageSize, SEARCH_ENGINE, tokenize, type SearchEngine } from '@app/platform';
import { AccountsService } from '../accounts/accounts.service.js';
import { MenteeProfilesService } from '../profiles/mentee-profiles.service.js';
import { MentorshipFormat, ProfileStatus } from '../profiles/mentor-profile.entity.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { formatFit } from './format-fit.js';
import { scoreMatch, type ScoredMentor } from './match-reasons.js';
import { goalWords } from './match-words.js';
import { MAX_QUERY_WORDS } from './search-query.js';

const CANDIDATES = 100;
const FALLBACK = 50;

/**
 * recommendedMentors: the engine proposes candidates (matching the mentee's skills,
 * industries and goal words, plus the best-rated accepting mentors), and each is then
 * scored on overlap and time-zone distance with readable reasons.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly accounts: AccountsService,
    private readonly mentees: MenteeProfilesService,
    private readonly mentors: MentorProfilesService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** With a format, candidates offering it join the pool, and each is also scored on what that format asks (formatFit). */
  async recommend(userId: string, first: number, format: MentorshipFormat | null = null): Promise<ScoredMentor[]> {
    checkPageSize(first);
    const [user, mentee] = await Promise.all([this.accounts.findById(userId), this.mentees.findByUserId(userId)]);
    if (!user || !mentee) return [];
    const [skills, industries] = await Promise.all([
      this.taxonomy.findSkills(mentee.skillIds),
      this.taxonomy.findIndustries(mentee.industrySlugs),
    ]);
    const skillNames = skills.flatMap((skill) => (skill ? [skill.name] : []));
    const industryNames = industries.flatMap((industry) => (industry ? [industry.name] : []));
    const words = [
      ...new Set([...skillNames, ...industryNames].flatMap(tokenize).concat([...goalWords(mentee.goals)])),
    ].slice(0, MAX_QUERY_WORDS);
    const search = (terms: string[], count: number, formats?: MentorshipFormat[]) =>
      this.engine.search({
        terms: terms.map((word) => ({ word, alternatives: [[word]], prefix: false })),
        filter: {
          acceptingRequestsOnly: true,
          languages: mentee.languages.length > 0 ? mentee.languages : undefined,
          formats,
        },
        sort: 'RELEVANCE',
        first: count,
        after: null,
        withTotal: false,
        withFacets: false,
      });
    const [matching, best, offering] = await Promise.all([
      words.length > 0 ? search(words, CANDIDATES) : null,
      search([], FALLBACK),
      format ? search([], CANDIDATES, [format]) : null,
    ]);
    const ids = [...new Set([...(matching?.hits ?? []), ...best.hits, ...(offering?.hits ?? [])].map((hit) => hit.id))];
    const profiles = (await this.mentors.findByIds(ids)).flatMap((profile) =>
      profile?.status === ProfileStatus.PUBLISHED && profile.userId !== userId ? [profile] : [],
    );
    // A peer's own goals are on their mentee profile, when they keep one.
    const ownGoals =
      format === MentorshipFormat.PEER ? await this.mentees.findByUserIds(profiles.map((p) => p.userId)) : [];
    const names = {
      skills: new Map(skills.flatMap((skill) => (skill ? [[skill.id, skill.name] as const] : []))),
      industries: new Map(
        industries.flatMap((industry) => (industry ? [[industry.slug, industry.name] as const] : [])),
      ),
    };
    const now = new Date();
    return profiles
      .map((profile, i) =>
        scoreMatch(
          mentee,
          user.timeZone,
          profile,
          names,
          now,
          formatFit(format, mentee, profile, ownGoals[i]?.goals ?? [], names),
        ),
      )
      .sort((a, b) => b.score - a.score || a.mentor.id.localeCompare(b.mentor.id))
      .slice(0, first);
  }
}
