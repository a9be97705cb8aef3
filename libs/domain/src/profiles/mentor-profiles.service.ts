import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/platform';
import { DataSource, In } from 'typeorm';
import { MentorProfile } from './mentor-profile.entity.js';

/** Reads of mentor profiles; other contexts reach profiles only through this service. */
@Injectable()
export class MentorProfilesService {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<MentorProfile | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.getRepository(MentorProfile).findOneBy({ id });
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
}
