import { Injectable } from '@nestjs/common';
import { isUuid, type Transaction } from '@app/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MentorProfile, ProfileStatus, type MentorshipFormat } from './mentor-profile.entity.js';

/** A mentor's published reviews in numbers: distribution[i] counts (i+1)-star reviews. */
export interface RatingAggregate {
  count: number;
  sum: number;
  distribution: number[];
}

/** Reads of mentor profiles; other contexts reach profiles only through this service. */
@Injectable()
export class MentorProfilesService {
  constructor(private readonly db: DataSource) {}

  findById(id: string, manager: EntityManager = this.db.manager): Promise<MentorProfile | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.getRepository(MentorProfile).findOneBy({ id });
  }

  findByUserId(userId: string): Promise<MentorProfile | null> {
    return this.db.getRepository(MentorProfile).findOneBy({ userId });
  }

  /** For DataLoaders: one query, in the order asked, null where missing. */
  async findByIds(ids: readonly string[]): Promise<Array<MentorProfile | null>> {
    const found = await this.db.getRepository(MentorProfile).findBy({ id: In(ids.filter(isUuid)) });
    const byId = new Map(found.map((profile) => [profile.id, profile]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: one query, in the order asked, null where the user has no profile. */
  async findByUserIds(userIds: readonly string[]): Promise<Array<MentorProfile | null>> {
    const found = await this.db.getRepository(MentorProfile).findBy({ userId: In(userIds.filter(isUuid)) });
    const byUser = new Map(found.map((profile) => [profile.userId, profile]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  }

  /**
   * The profile a program mentor is matched through: their own when they have one, else an
   * UNLISTED one built from their enrolment, in the caller's transaction. No event: search
   * never shows an unlisted profile.
   */
  async ensureForProgramMentor(tx: Transaction, seed: ProgramMentorSeed): Promise<string> {
    const inserted = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO mentor_profiles (user_id, status, headline, bio, industry_slugs, skill_ids, years_of_experience,
                                    languages, time_zone, formats, session_lengths, max_active_mentees)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9, '{60}', $10)
       ON CONFLICT (user_id) DO NOTHING RETURNING id`,
      [
        seed.userId,
        ProfileStatus.UNLISTED,
        `Mentor in ${seed.programName}`.slice(0, 120),
        seed.goals.join('\n'),
        seed.industries,
        seed.skillIds,
        seed.languages,
        seed.timeZone,
        seed.formats,
        seed.maxMentees,
      ],
    );
    if (inserted[0]) return inserted[0].id;
    const existing = await tx.manager.query<Array<{ id: string }>>(
      `SELECT id FROM mentor_profiles WHERE user_id = $1`,
      [seed.userId],
    );
    return existing[0].id;
  }

  /** Locks the profile row for the caller's transaction; writers of one profile queue here. */
  lockForUpdate(tx: Transaction, profileId: string): Promise<MentorProfile | null> {
    if (!isUuid(profileId)) return Promise.resolve(null);
    return tx.manager
      .getRepository(MentorProfile)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :profileId', { profileId })
      .getOne();
  }

  /** Stores a recomputed rating on a locked profile; search hears of it only when it changed. */
  async setRating(tx: Transaction, profileId: string, rating: RatingAggregate): Promise<void> {
    const [, changed] = await tx.manager.query<[unknown[], number]>(
      `UPDATE mentor_profiles SET rating_count = $2::int, rating_sum = $3::int, rating_distribution = $4::int[]
        WHERE id = $1 AND (rating_count, rating_sum, rating_distribution) IS DISTINCT FROM ($2::int, $3::int, $4::int[])`,
      [profileId, rating.count, rating.sum, rating.distribution],
    );
    if (changed > 0) await this.bumpVersion(tx, profileId);
  }

  /**
   * For changes search shows that live outside the profile row (capacity, ratings):
   * a new version and its 'mentor_profile.changed' event, in the caller's transaction.
   */
  async bumpVersion(tx: Transaction, profileId: string): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await tx.manager.query<[Array<{ version: number }>, number]>(
      `UPDATE mentor_profiles SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      [profileId],
    );
    const version = rows[0]?.version;
    if (version === undefined) throw new Error(`mentor profile ${profileId} vanished inside its transaction`);
    await tx.emit('mentor_profile.changed', { profileId, version });
    return version;
  }
}

/** What an unlisted program mentor profile is built from: the mentor's enrolment. */
export interface ProgramMentorSeed {
  userId: string;
  programName: string;
  goals: readonly string[];
  industries: readonly string[];
  skillIds: readonly string[];
  languages: readonly string[];
  timeZone: string;
  formats: readonly MentorshipFormat[];
  maxMentees: number;
}
