import { Injectable } from '@nestjs/common';
import {
  AccountsService,
  CheckInsService,
  GroupQueriesService,
  MenteeProfilesService,
  MentorProfilesService,
  MentorshipHealthService,
  MentorshipQueriesService,
  MentorshipsService,
  RequestQueriesService,
  ReviewModerationService,
  ReviewQueriesService,
  SessionQueriesService,
  TaxonomyService,
  type Industry,
  type MenteeProfile,
  type MentorProfile,
  type Skill,
  type Goal,
  type Mentorship,
  type MentorshipGroup,
  type MentoringSession,
  type MentorshipRequest,
  type ResponseStats,
  type Review,
  type CheckIn,
  type MentorshipHealth,
  type User,
} from '@app/domain';
import DataLoader from 'dataloader';

export interface Loaders {
  user: DataLoader<string, User | null>;
  industry: DataLoader<string, Industry | null>;
  industryMentorCount: DataLoader<string, number>;
  skill: DataLoader<string, Skill | null>;
  mentorProfileByUser: DataLoader<string, MentorProfile | null>;
  menteeProfileByUser: DataLoader<string, MenteeProfile | null>;
  mentorProfile: DataLoader<string, MentorProfile | null>;
  mentorshipRequest: DataLoader<string, MentorshipRequest | null>;
  goalsByRequest: DataLoader<string, Goal[]>;
  goalsByMentorship: DataLoader<string, Goal[]>;
  mentorshipByRequest: DataLoader<string, Mentorship | null>;
  activeMenteeCount: DataLoader<string, number>;
  responseStats: DataLoader<string, ResponseStats>;
  reviewsByMentorship: DataLoader<string, Review[]>;
  openReportCount: DataLoader<string, number>;
  checkInsBySession: DataLoader<string, CheckIn[]>;
  /** Keyed by the mentorship row itself: health needs its cadence and dates. */
  health: DataLoader<Mentorship, MentorshipHealth, string>;
  group: DataLoader<string, MentorshipGroup | null>;
  groupMemberIds: DataLoader<string, string[]>;
  listedGroupsByHost: DataLoader<string, MentorshipGroup[]>;
  mentorship: DataLoader<string, Mentorship | null>;
  nextSession: DataLoader<string, MentoringSession | null>;
}

type LoaderFactories = { [K in keyof Loaders]: () => Loaders[K] };

/**
 * An object whose every loader is built the first time it is read, then kept on the
 * object itself (an own property hides the prototype's getter).
 */
function lazyPrototype(factories: LoaderFactories): object {
  const prototype = {};
  for (const key of Object.keys(factories) as Array<keyof Loaders>) {
    Object.defineProperty(prototype, key, {
      get(this: object) {
        const loader = factories[key]();
        Object.defineProperty(this, key, { value: loader });
        return loader;
      },
    });
  }
  return prototype;
}

/**
 * The one place per-request DataLoaders are built, so no resolver issues N+1 queries.
 * Each request gets only the loaders its resolvers ask for: most use one or two of them.
 */
@Injectable()
export class DataLoaderFactory {
  private readonly loaders: object;

  constructor(
    private readonly accounts: AccountsService,
    private readonly taxonomy: TaxonomyService,
    private readonly mentorProfiles: MentorProfilesService,
    private readonly menteeProfiles: MenteeProfilesService,
    private readonly requests: RequestQueriesService,
    private readonly mentorshipQueries: MentorshipQueriesService,
    private readonly mentorships: MentorshipsService,
    private readonly reviews: ReviewQueriesService,
    private readonly moderation: ReviewModerationService,
    private readonly checkIns: CheckInsService,
    private readonly health: MentorshipHealthService,
    private readonly groups: GroupQueriesService,
    private readonly sessions: SessionQueriesService,
  ) {
    this.loaders = lazyPrototype({
      user: () => new DataLoader((ids) => this.accounts.findByIds(ids)),
      industry: () => new DataLoader((slugs) => this.taxonomy.findIndustries(slugs)),
      industryMentorCount: () => new DataLoader((slugs) => this.taxonomy.mentorCounts(slugs)),
      skill: () => new DataLoader((ids) => this.taxonomy.findSkills(ids)),
      mentorProfileByUser: () => new DataLoader((userIds) => this.mentorProfiles.findByUserIds(userIds)),
      menteeProfileByUser: () => new DataLoader((userIds) => this.menteeProfiles.findByUserIds(userIds)),
      mentorProfile: () => new DataLoader((ids) => this.mentorProfiles.findByIds(ids)),
      mentorshipRequest: () => new DataLoader((ids) => this.requests.findByIds(ids)),
      goalsByRequest: () => new DataLoader((ids) => this.requests.goalsByRequestIds(ids)),
      goalsByMentorship: () => new DataLoader((ids) => this.mentorshipQueries.goalsByMentorshipIds(ids)),
      mentorshipByRequest: () => new DataLoader((ids) => this.mentorshipQueries.findByRequestIds(ids)),
      activeMenteeCount: () => new DataLoader((ids) => this.mentorships.activeCounts(ids)),
      responseStats: () => new DataLoader((ids) => this.requests.responseStats(ids)),
      reviewsByMentorship: () => new DataLoader((ids) => this.reviews.byMentorshipIds(ids)),
      openReportCount: () => new DataLoader((ids) => this.moderation.openReportCounts(ids)),
      checkInsBySession: () => new DataLoader((ids) => this.checkIns.bySessionIds(ids)),
      health: () => new DataLoader((mentorships) => this.health.assess(mentorships), { cacheKeyFn: (m) => m.id }),
      group: () => new DataLoader((ids) => this.groups.findByIds(ids)),
      groupMemberIds: () => new DataLoader((ids) => this.groups.memberIdsByGroupIds(ids)),
      listedGroupsByHost: () => new DataLoader((ids) => this.groups.listedByHostProfileIds(ids)),
      mentorship: () => new DataLoader((ids) => this.mentorshipQueries.findByIds(ids)),
      nextSession: () => new DataLoader((ids) => this.sessions.nextForMentorships(ids)),
    });
  }

  /** A request's loaders (one set per request: DataLoader caches must not outlive it). */
  create(): Loaders {
    return Object.create(this.loaders) as Loaders;
  }
}
