import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, isUniqueViolation, parseInput, UnitOfWork, type Transaction } from '@app/platform';
import type { EntityManager } from 'typeorm';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { applyChanges, mentorProfileChanges } from './mentor-profile-changes.js';
import { MentorProfile, ProfileStatus } from './mentor-profile.entity.js';
import { mentorProfileSchema, type MentorProfileInput } from './mentor-profile.inputs.js';
import { missingForPublishing } from './profile-completeness.js';
import { needsTransition } from './profile-status.js';

/**
 * Every write of a mentor profile. Writers of one profile queue on its row lock, so
 * no edit is lost and versions never repeat; every change search can see commits
 * with exactly one 'mentor_profile.changed' event carrying the stored version.
 */
@Injectable()
export class MentorProfileEditorService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async upsert(userId: string, raw: MentorProfileInput): Promise<MentorProfile> {
    const input = parseInput(mentorProfileSchema(await this.taxonomy.industrySlugs()), raw, 'input');
    return this.retryingFirstInsert(() =>
      this.uow.run(async (tx) => {
        const skills = await this.taxonomy.resolveSkills(tx.manager, input.skills);
        const changes = mentorProfileChanges(
          input,
          skills.map((skill) => skill.id),
        );
        const profile = await lockedProfile(tx.manager, userId);
        if (!profile) {
          return tx.manager.save(
            tx.manager.create(MentorProfile, {
              priceCents: null,
              priceCurrency: null,
              currentRole: null,
              company: null,
              countryCode: null,
              ...changes,
              userId,
              status: ProfileStatus.DRAFT,
              ratingCount: 0,
              ratingSum: 0,
              ratingDistribution: [0, 0, 0, 0, 0],
              publishedAt: null,
            }),
          );
        }
        if (!applyChanges(profile, changes)) return profile;
        if (profile.status === ProfileStatus.PUBLISHED) {
          const missing = missingForPublishing(profile);
          if (missing[0]) throw DomainError.badInput(`input.${missing[0]}`, `A published profile needs ${missing[0]}`);
        }
        const saved = await tx.manager.save(profile);
        // Drafts and paused profiles are not in search: only a public edit is news to it.
        if (saved.status === ProfileStatus.PUBLISHED) await announce(tx, saved);
        return saved;
      }),
    );
  }

  publish(userId: string): Promise<MentorProfile> {
    return this.transition(userId, ProfileStatus.PUBLISHED, (profile) => {
      const missing = missingForPublishing(profile);
      if (missing.length > 0) {
        throw new DomainError(ErrorCode.CONFLICT, `The profile is incomplete: add ${missing.join(', ')}`, undefined, {
          missing,
        });
      }
      profile.publishedAt ??= new Date();
    });
  }

  pause(userId: string): Promise<MentorProfile> {
    return this.transition(userId, ProfileStatus.PAUSED);
  }

  private transition(
    userId: string,
    to: ProfileStatus,
    prepare?: (profile: MentorProfile) => void,
  ): Promise<MentorProfile> {
    return this.uow.run(async (tx) => {
      const profile = await lockedProfile(tx.manager, userId);
      if (!profile) throw DomainError.notFound('Mentor profile');
      if (!needsTransition(profile.status, to)) return profile;
      prepare?.(profile);
      profile.status = to;
      const saved = await tx.manager.save(profile);
      await announce(tx, saved);
      return saved;
    });
  }

  /** Two first upserts of one user race to insert; the loser retries as an update. */
  private async retryingFirstInsert<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error, 'mentor_profiles_user_id_key')) throw error;
      return work();
    }
  }
}

async function announce(tx: Transaction, profile: MentorProfile): Promise<void> {
  await tx.emit('mentor_profile.changed', { profileId: profile.id, version: profile.version });
}

function lockedProfile(manager: EntityManager, userId: string): Promise<MentorProfile | null> {
  return manager
    .getRepository(MentorProfile)
    .createQueryBuilder('p')
    .setLock('pessimistic_write')
    .where('p.user_id = :userId', { userId })
    .getOne();
}
