import { Injectable } from '@nestjs/common';
import { isUniqueViolation, isUuid, parseInput, UnitOfWork } from '@app/platform';
import { DataSource, In } from 'typeorm';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { MenteeProfile } from './mentee-profile.entity.js';
import { menteeProfileSchema, type MenteeProfileInput } from './mentee-profile.inputs.js';

/** A mentee's goals and interests; private to the mentee, so no event tells anyone of a change. */
@Injectable()
export class MenteeProfilesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async upsert(userId: string, raw: MenteeProfileInput): Promise<MenteeProfile> {
    const input = parseInput(menteeProfileSchema(await this.taxonomy.industrySlugs()), raw, 'input');
    const write = () =>
      this.uow.run(async (tx) => {
        const skills = await this.taxonomy.resolveSkills(tx.manager, input.skills);
        const profile =
          (await tx.manager
            .getRepository(MenteeProfile)
            .createQueryBuilder('p')
            .setLock('pessimistic_write')
            .where('p.user_id = :userId', { userId })
            .getOne()) ?? tx.manager.create(MenteeProfile, { userId, bio: null });
        Object.assign(profile, {
          goals: input.goals,
          industrySlugs: input.industries,
          skillIds: skills.map((skill) => skill.id),
          experienceLevel: input.experienceLevel,
          languages: input.languages,
          ...(input.bio === undefined ? {} : { bio: input.bio }),
        });
        return tx.manager.save(profile);
      });
    try {
      return await write();
    } catch (error) {
      // Two first upserts of one user race to insert; the loser retries as an update.
      if (!isUniqueViolation(error, 'mentee_profiles_user_id_key')) throw error;
      return write();
    }
  }

  findByUserId(userId: string): Promise<MenteeProfile | null> {
    return this.db.getRepository(MenteeProfile).findOneBy({ userId });
  }

  /** For DataLoaders: one query, in the order asked, null where the user has no profile. */
  async findByUserIds(userIds: readonly string[]): Promise<Array<MenteeProfile | null>> {
    const found = await this.db.getRepository(MenteeProfile).findBy({ userId: In(userIds.filter(isUuid)) });
    const byUser = new Map(found.map((profile) => [profile.userId, profile]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  }
}
