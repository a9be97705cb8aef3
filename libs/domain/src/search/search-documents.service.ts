import { Injectable } from '@nestjs/common';
import type { MentorSearchDocument } from '@app/platform';
import type { EntityManager } from 'typeorm';
import { GroupQueriesService } from '../groups/group-queries.service.js';
import type { MentorProfile } from '../profiles/mentor-profile.entity.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { MentorCapacity } from './mentor-capacity.js';
import { toSearchDocument } from './mentor-search-document.js';

/** Builds search documents for a batch of profiles with one read per kind of related data. */
@Injectable()
export class SearchDocumentsService {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly capacity: MentorCapacity,
    private readonly groups: GroupQueriesService,
  ) {}

  /** Reads through `manager` when given, so a caller holding a transaction needs no second connection. */
  async build(profiles: readonly MentorProfile[], manager?: EntityManager): Promise<MentorSearchDocument[]> {
    const skillIds = [...new Set(profiles.flatMap((p) => p.skillIds))];
    const slugs = [...new Set(profiles.flatMap((p) => p.industrySlugs))];
    // One after another: a transaction's connection runs one query at a time anyway.
    const skills = await this.taxonomy.findSkills(skillIds, manager);
    const industries = await this.taxonomy.findIndustries(slugs, manager);
    const ids = profiles.map((p) => p.id);
    const active = await this.capacity.activeMenteeCounts(ids, manager);
    const groupKinds = await this.groups.openKindsByHost(ids, manager);
    const context = {
      skills: new Map(skills.flatMap((skill) => (skill ? [[skill.id, skill] as const] : []))),
      industries: new Map(industries.flatMap((industry) => (industry ? [[industry.slug, industry] as const] : []))),
    };
    return profiles.map((profile, i) =>
      toSearchDocument(profile, { ...context, activeMentees: active[i] ?? 0, openGroupKinds: groupKinds[i] ?? [] }),
    );
  }
}
