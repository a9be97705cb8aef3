import { SearchIndexerService } from '@app/domain';
import { PostgresSearchEngine, UnitOfWork } from '@app/platform';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { searchDocument } from './search-document.fixture.js';
import { createMentor, mentorInput, searchIds, UPSERT_MENTOR } from './search-fixtures.js';

describe('the search indexer', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  afterAll(() => system.close());
  beforeEach(() => system.reset());

  const indexed = async (id: string) =>
    system.db.query<Array<{ version: number; headline: string }>>(
      `SELECT version, headline FROM mentor_search_texts WHERE id = $1`,
      [id],
    );

  const emit = (profileId: string, version: number) =>
    system.api.get(UnitOfWork).run((tx) => tx.emit('mentor_profile.changed', { profileId, version }));

  it('ignores a repeated event and an event older than the document', async () => {
    const mentor = await createMentor(system, { headline: 'First headline about negotiation' });
    for (const headline of ['Second headline about hiring', 'Third headline about leadership']) {
      await system.gql(UPSERT_MENTOR, { input: mentorInput({ headline }) }, mentor.token);
    }
    await system.settle();
    const [current] = await indexed(mentor.profileId);
    expect(current.headline).toBe('Third headline about leadership');

    await emit(mentor.profileId, current.version);
    await emit(mentor.profileId, current.version);
    await emit(mentor.profileId, 1);
    await system.settle();
    expect(await indexed(mentor.profileId)).toEqual([current]);
    expect(await searchIds(system, { query: 'negotiation' })).toEqual([]);
    expect(await searchIds(system, { query: 'leadership' })).toEqual([mentor.profileId]);
  });

  it('ends on the newest profile when many changes are synced concurrently', async () => {
    const mentor = await createMentor(system);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        system.gql(
          UPSERT_MENTOR,
          { input: mentorInput({ headline: `Concurrent edit number ${i} of this` }) },
          mentor.token,
        ),
      ),
    );
    await system.settle();
    const [profile] = await system.db.query<Array<{ version: number; headline: string }>>(
      `SELECT version, headline FROM mentor_profiles WHERE id = $1`,
      [mentor.profileId],
    );
    expect(await indexed(mentor.profileId)).toEqual([profile]);
  });

  it('completes more concurrent syncs than the pool has connections', async () => {
    // Every sync of one profile queues on its lock while holding a pooled connection. A
    // sync that needed a second connection for its reads or its write would wait for one
    // that only the queued syncs could free: the pool (10 connections) would starve.
    const mentors = [await createMentor(system), await createMentor(system)];
    await system.settle();
    const indexer = system.indexer?.get(SearchIndexerService);
    if (!indexer) throw new Error('indexer not running');
    let timer: NodeJS.Timeout | undefined;
    const starved = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('starved'), 10_000);
    });
    const syncs = Promise.all(
      Array.from({ length: 30 }, (_, i) => indexer.sync(mentors[i % 3 === 0 ? 1 : 0].profileId)),
    ).then(() => 'done');
    const outcome = await Promise.race([syncs, starved]);
    clearTimeout(timer);
    expect(outcome).toBe('done');
    expect(await indexed(mentors[0].profileId)).toHaveLength(1);
  });

  it('never lets the engine replace a document with an older version', async () => {
    const engine = new PostgresSearchEngine(system.db);
    const doc = searchDocument({ version: 5, headline: 'Version five headline' });
    await engine.upsert([doc]);
    await engine.upsert([{ ...doc, version: 4, headline: 'Version four headline' }]);
    await engine.remove(doc.id, 3);
    expect(await indexed(doc.id)).toEqual([{ version: 5, headline: 'Version five headline' }]);
  });

  it('reindexes aside while search keeps answering, then keeps changes made meanwhile', async () => {
    const mentors = [];
    for (let i = 0; i < 12; i += 1)
      mentors.push(await createMentor(system, { headline: `Reindex mentor ${i} for growth` }));
    await system.settle();
    // Documents the database no longer backs disappear with a full reindex.
    await new PostgresSearchEngine(system.db).upsert([searchDocument({ headline: 'Orphan growth document' })]);

    const indexer = system.indexer?.get(SearchIndexerService);
    if (!indexer) throw new Error('indexer not running');
    const progress: number[] = [];
    let searching = true;
    const counts: number[] = [];
    const searches = (async () => {
      while (searching) {
        const res = await system.gql(`{ searchMentors(query: "growth") { totalCount } }`);
        counts.push(res.data.searchMentors.totalCount);
      }
    })();
    const reindexed = indexer.reindex(({ done }) => progress.push(done));
    await system.gql(
      UPSERT_MENTOR,
      { input: mentorInput({ headline: 'Renamed during the reindex run' }) },
      mentors[0].token,
    );
    await reindexed;
    await system.settle();
    searching = false;
    await searches;

    expect(progress.at(-1)).toBe(12);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((count) => count >= 11 && count <= 13)).toBe(true);
    expect(await searchIds(system, { query: 'growth', first: 50 })).toHaveLength(11);
    expect(await searchIds(system, { query: 'renamed' })).toEqual([mentors[0].profileId]);
    // Browsing everyone is answered from facet totals, which the rebuild recounts (no orphan).
    const browse = await system.gql(`{ searchMentors { totalCount facets { industries { count } } } }`);
    expect(browse.data.searchMentors.totalCount).toBe(12);
  });
});
