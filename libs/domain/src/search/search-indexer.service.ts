import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_ENGINE, type SearchEngine } from '@app/platform';
import { DataSource, MoreThan, MoreThanOrEqual } from 'typeorm';
import { MentorProfile, ProfileStatus } from '../profiles/mentor-profile.entity.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { SearchDocumentsService } from './search-documents.service.js';
import { SearchSynonymsService } from './search-synonyms.service.js';

const REINDEX_BATCH = 500;
// A deleted profile has no version left to compare: its removal beats any document.
const GONE = 2_147_483_647;

export interface ReindexProgress {
  done: number;
  total: number;
}

/**
 * Keeps the search index equal to PostgreSQL. A sync always re-reads the profile, so a
 * late or repeated event writes current state, never the state it was sent for; the
 * per-profile lock makes read-then-write atomic across indexer processes, so an older
 * read can never land after a newer one (engines also refuse lower versions). The reads
 * and the write run on the lock's own transaction: a sync holds one pooled connection,
 * never one while waiting for another, so more concurrent syncs than the pool has
 * connections queue instead of starving it.
 */
@Injectable()
export class SearchIndexerService {
  constructor(
    private readonly db: DataSource,
    private readonly profiles: MentorProfilesService,
    private readonly documents: SearchDocumentsService,
    private readonly synonyms: SearchSynonymsService,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async prepare(): Promise<void> {
    await this.engine.prepare(await this.synonyms.all());
  }

  async sync(profileId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`search-sync:${profileId}`]);
      const profile = await this.profiles.findById(profileId, manager);
      if (!profile) return this.engine.remove(profileId, GONE, manager);
      if (profile.status !== ProfileStatus.PUBLISHED) return this.engine.remove(profile.id, profile.version, manager);
      return this.engine.upsert(await this.documents.build([profile], manager), manager);
    });
  }

  /**
   * Rebuilds the whole index aside and swaps it in; search serves the old index
   * meanwhile. Changes committed during the build are applied again after the swap.
   */
  async reindex(onProgress: (progress: ReindexProgress) => void = () => undefined): Promise<ReindexProgress> {
    const [{ started }] = await this.db.query<[{ started: Date }]>(`SELECT now() AS started`);
    const repository = this.db.getRepository(MentorProfile);
    const total = await repository.countBy({ status: ProfileStatus.PUBLISHED });
    let done = 0;
    await this.engine.rebuild(async (builder) => {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await repository.find({
          where: { status: ProfileStatus.PUBLISHED, id: MoreThan(after) },
          order: { id: 'ASC' },
          take: REINDEX_BATCH,
        });
        if (batch.length === 0) break;
        await builder.add(await this.documents.build(batch));
        after = batch[batch.length - 1].id;
        done += batch.length;
        onProgress({ done, total: Math.max(total, done) });
      }
    });
    const changed = await repository.find({ select: { id: true }, where: { updatedAt: MoreThanOrEqual(started) } });
    for (const { id } of changed) await this.sync(id);
    return { done, total: Math.max(total, done) };
  }
}
