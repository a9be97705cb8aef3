import {
  dataSourceOptions,
  MeiliSearchEngine,
  migrateDatabase,
  PostgresSearchEngine,
  type MentorSearchDocument,
  type SearchEngine,
  type SearchRequest,
} from '@app/platform';
import { resetDatabase, testConfig } from '@app/testing';
import { DataSource } from 'typeorm';
import { request, searchDocument, terms } from './search-document.fixture.js';

const config = testConfig();
const engines: Array<[string, (db: DataSource) => SearchEngine]> = [
  ['postgres', (db) => new PostgresSearchEngine(db)],
  ...(config.MEILI_URL
    ? [
        ['meilisearch', () => new MeiliSearchEngine(config.MEILI_URL ?? '', config.MEILI_KEY, 'mentors_contract')] as [
          string,
          (db: DataSource) => SearchEngine,
        ],
      ]
    : []),
];

describe.each(engines)('search engine contract: %s', (_name, create) => {
  // The engines need only a migrated database, not the apps.
  const db = new DataSource(dataSourceOptions(config, 4));
  let engine: SearchEngine;

  beforeAll(async () => {
    await migrateDatabase(config);
    await db.initialize();
    engine = create(db);
    await engine.prepare({ js: ['javascript'], ml: ['machine learning'] });
  });
  afterAll(async () => {
    await engine.close();
    await db.destroy();
  });
  beforeEach(async () => {
    await resetDatabase(db);
    await engine.clear();
  });

  const ids = async (req: Partial<SearchRequest>) => (await engine.search(request(req))).hits.map((hit) => hit.id);
  const seed = async (...docs: MentorSearchDocument[]) => {
    await engine.upsert(docs);
    return docs;
  };

  describe('matching', () => {
    it('finds words in every searchable field and nothing else', async () => {
      const [headline, skill, industry, role, company, bio] = await seed(
        searchDocument({ headline: 'Kotlin developer mentoring juniors' }),
        searchDocument({ skills: ['Kotlin'], skillSlugs: ['kotlin'] }),
        searchDocument({ industries: ['Kotlin Land'], industrySlugs: ['kotlin-land'] }),
        searchDocument({ currentRole: 'Kotlin lead' }),
        searchDocument({ company: 'Kotlin Corp' }),
        searchDocument({ bio: 'Long ago I wrote Kotlin every single day, and I still enjoy teaching it to others.' }),
        searchDocument(),
      );
      const found = await ids({ terms: terms('kotlin') });
      expect(new Set(found)).toEqual(new Set([headline, skill, industry, role, company, bio].map((d) => d.id)));
      // Field weight: the headline match outranks the bio match.
      expect(found.indexOf(headline.id)).toBeLessThan(found.indexOf(bio.id));
    });

    it('ranks documents matching more query words first', async () => {
      const [both, one] = await seed(
        searchDocument({ headline: 'Python and Django mentor for backend engineers' }),
        searchDocument({ headline: 'Python mentor for data engineers and analysts' }),
      );
      expect(await ids({ terms: terms('django python') })).toEqual([both.id, one.id]);
    });

    it('tolerates one typo from 5 letters and two from 9, none below', async () => {
      const [python, javascript] = await seed(
        searchDocument({ headline: 'Python mentor for beginners' }),
        searchDocument({ headline: 'Javascript mentor for beginners' }),
        searchDocument({ headline: 'Rust mentor for beginners' }),
      );
      expect(await ids({ terms: terms('pyhton') })).toEqual([python.id]);
      expect(await ids({ terms: terms('jvascirpt') })).toEqual([javascript.id]);
      expect(await ids({ terms: terms('rsut') })).toEqual([]);
      expect(await ids({ terms: terms('pythno') })).toEqual([python.id]);
      expect(await ids({ terms: terms('pyhtno') })).toEqual([]);
    });

    it('ranks an exact word above a typo of it', async () => {
      const [exact, typo] = await seed(
        searchDocument({ headline: 'Scala consultant', ratingScore: 3 }),
        searchDocument({ headline: 'Scale consultant', ratingScore: 5 }),
      );
      const found = await ids({ terms: terms('scala consultant') });
      expect(found.indexOf(exact.id)).toBeLessThan(found.indexOf(typo.id));
    });

    it('matches the last word as a prefix', async () => {
      const [react] = await seed(searchDocument({ skills: ['React'], skillSlugs: ['react'] }), searchDocument());
      expect(await ids({ terms: terms('reac') })).toEqual([react.id]);
    });

    it('expands synonyms (js -> javascript, ml -> machine learning)', async () => {
      const [js, ml] = await seed(
        searchDocument({ skills: ['JavaScript'], skillSlugs: ['javascript'] }),
        searchDocument({ skills: ['Machine Learning'], skillSlugs: ['machine-learning'] }),
      );
      expect(await ids({ terms: terms('js', { js: [['javascript']] }) })).toEqual([js.id]);
      expect(await ids({ terms: terms('ml', { ml: [['machine', 'learning']] }) })).toEqual([ml.id]);
    });

    it('highlights where the query matched', async () => {
      await seed(searchDocument({ headline: 'Kubernetes and cloud mentor' }));
      const [hit] = (await engine.search(request({ terms: terms('kubernetes') }))).hits;
      expect(hit.highlights).toContain('<mark>Kubernetes</mark> and cloud mentor');
    });
  });

  describe('filters', () => {
    it('applies every filter field', async () => {
      const a = searchDocument({
        industrySlugs: ['fintech'],
        skillSlugs: ['go', 'kafka'],
        languages: ['de'],
        formats: ['GROUP'],
        ratingAverage: 4.9,
        priceCents: null,
        yearsOfExperience: 20,
        timeZone: 'Asia/Tokyo',
        countryCode: 'JP',
      });
      const b = searchDocument({
        skillSlugs: ['go'],
        priceCents: 30_000,
        ratingAverage: 3.5,
        acceptingRequests: false,
      });
      await seed(a, b);
      const only = async (filter: Partial<SearchRequest['filter']>) =>
        ids({ filter: { acceptingRequestsOnly: false, ...filter } });
      expect(await only({ industries: ['fintech', 'health'] })).toEqual([a.id]);
      expect(await only({ skills: ['go', 'kafka'] })).toEqual([a.id]);
      expect(new Set(await only({ skills: ['go'] }))).toEqual(new Set([a.id, b.id]));
      expect(await only({ languages: ['de', 'fr'] })).toEqual([a.id]);
      expect(await only({ formats: ['GROUP'] })).toEqual([a.id]);
      expect(await only({ minRating: 4 })).toEqual([a.id]);
      expect(await only({ maxPriceCents: 1_000 })).toEqual([a.id]);
      expect(await only({ freeOnly: true })).toEqual([a.id]);
      expect(await only({ minYearsOfExperience: 15 })).toEqual([a.id]);
      expect(await only({ timeZones: ['Asia/Tokyo', 'Asia/Seoul'] })).toEqual([a.id]);
      expect(await only({ timeZones: [] })).toEqual([]);
      expect(await only({ countryCodes: ['JP'] })).toEqual([a.id]);
      expect(await ids({ filter: { acceptingRequestsOnly: true } })).toEqual([a.id]);
    });

    it('treats quotes, backslashes and SQL as plain values', async () => {
      await seed(searchDocument({ industrySlugs: [`o'reilly "x" \\`] }));
      expect(
        await ids({ filter: { acceptingRequestsOnly: false, industries: [`' OR 1=1 --`, `") OR (1=1`] } }),
      ).toEqual([]);
      expect(await ids({ filter: { acceptingRequestsOnly: false, industries: [`o'reilly "x" \\`] } })).toHaveLength(1);
    });
  });

  describe('facets', () => {
    it('counts the whole filtered result, each facet ignoring its own filter', async () => {
      await seed(
        ...Array.from({ length: 25 }, () => searchDocument({ industrySlugs: ['fintech'], languages: ['en'] })),
        searchDocument({ industrySlugs: ['health'], languages: ['en'], priceCents: null }),
        searchDocument({ industrySlugs: ['health'], languages: ['fr'] }),
      );
      const result = await engine.search(
        request({
          first: 5,
          withFacets: true,
          filter: { acceptingRequestsOnly: true, industries: ['fintech'], languages: ['en'] },
        }),
      );
      expect(result.totalCount).toBe(25);
      expect(result.hits).toHaveLength(5);
      // Industries ignore the industry filter but keep the language one.
      expect(result.facets?.industries).toEqual([
        { value: 'fintech', count: 25 },
        { value: 'health', count: 1 },
      ]);
      expect(result.facets?.languages).toEqual([{ value: 'en', count: 25 }]);
      expect(result.facets?.priceBands).toEqual([{ value: '50_TO_100', count: 25 }]);
      expect(result.facets?.formats).toEqual([{ value: 'ONE_ON_ONE', count: 25 }]);
    });

    it('keeps browse facets exact through edits, acceptance changes, stale writes and removals', async () => {
      const [a, b, c] = await seed(
        searchDocument({ industrySlugs: ['fintech'], skillSlugs: ['go'], languages: ['en'] }),
        searchDocument({ industrySlugs: ['health'], skillSlugs: ['go', 'rust'], acceptingRequests: false }),
        searchDocument({ industrySlugs: ['fintech'], skillSlugs: ['python'], formats: ['GROUP'] }),
      );
      await engine.upsert([{ ...a, version: 2, industrySlugs: ['health'], acceptingRequests: false }]);
      await engine.upsert([{ ...a, version: 1, industrySlugs: ['legal'] }]);
      await engine.upsert([{ ...b, version: 2, acceptingRequests: true, languages: ['de'] }]);
      await engine.remove(c.id, c.version);
      await seed(searchDocument({ skillSlugs: ['go'], priceCents: null }));

      for (const [acceptingRequestsOnly, total] of [
        [true, 2],
        [false, 3],
      ] as const) {
        const browse = await engine.search(request({ withFacets: true, filter: { acceptingRequestsOnly } }));
        // A filter every document passes takes the counting path; browsing may not (totals).
        const scanned = await engine.search(
          request({ withFacets: true, filter: { acceptingRequestsOnly, minYearsOfExperience: 0 } }),
        );
        expect(browse.totalCount).toBe(total);
        expect(browse.facets).toEqual(scanned.facets);
        expect(browse.facets?.skills[0]).toEqual({ value: 'go', count: total });
        expect((await engine.search(request({ filter: { acceptingRequestsOnly } }))).totalCount).toBe(total);
      }
    });

    it('gives every filtered facet its own count, whichever facets the filter touches', async () => {
      const doc = (
        industry: string,
        skills: string[],
        formats: string[],
        priceCents: number | null,
        languages: string[],
      ) => searchDocument({ industrySlugs: [industry], skillSlugs: skills, formats, priceCents, languages });
      await seed(
        doc('tech', ['go', 'rust'], ['GROUP'], 4_000, ['en']),
        doc('tech', ['go'], ['ONE_ON_ONE'], 4_000, ['de']),
        doc('tech', ['rust'], ['GROUP'], 3_000, ['en']),
        doc('tech', ['go'], ['GROUP'], 15_000, ['fr']),
        doc('health', ['go', 'python'], ['GROUP', 'PEER'], null, ['en', 'de']),
      );
      const result = await engine.search(
        request({
          withFacets: true,
          filter: { acceptingRequestsOnly: true, skills: ['go'], formats: ['GROUP'], maxPriceCents: 5_000 },
        }),
      );
      expect(result.totalCount).toBe(2);
      expect(result.facets).toEqual({
        industries: [
          { value: 'health', count: 1 },
          { value: 'tech', count: 1 },
        ],
        skills: [
          { value: 'go', count: 2 },
          { value: 'rust', count: 2 },
          { value: 'python', count: 1 },
        ],
        languages: [
          { value: 'en', count: 2 },
          { value: 'de', count: 1 },
        ],
        formats: [
          { value: 'GROUP', count: 2 },
          { value: 'ONE_ON_ONE', count: 1 },
          { value: 'PEER', count: 1 },
        ],
        priceBands: [
          { value: '100_TO_200', count: 1 },
          { value: 'FREE', count: 1 },
          { value: 'UNDER_50', count: 1 },
        ],
      });
    });
  });

  describe('sorting and pagination', () => {
    it('orders by Bayesian rating then recency without a query, and by each sort', async () => {
      const older = searchDocument({ ratingScore: 4.5, yearsOfExperience: 3, priceCents: 9_000 });
      const newer = searchDocument({ ratingScore: 4.5, yearsOfExperience: 30, priceCents: null });
      const best = searchDocument({ ratingScore: 4.8, yearsOfExperience: 10, priceCents: 2_000 });
      await seed(older, newer, best);
      expect(await ids({})).toEqual([best.id, newer.id, older.id]);
      expect(await ids({ sort: 'EXPERIENCE' })).toEqual([newer.id, best.id, older.id]);
      expect(await ids({ sort: 'PRICE_ASC' })).toEqual([newer.id, best.id, older.id]);
      expect(await ids({ sort: 'NEWEST' })).toEqual([best.id, newer.id, older.id]);
    });

    it.each(['RELEVANCE', 'RATING', 'NEWEST', 'PRICE_ASC'] as const)(
      'pages without duplicates or gaps while mentors are added (%s)',
      async (sort) => {
        const original = await seed(
          ...Array.from({ length: 23 }, (_, i) =>
            searchDocument({ headline: `Mentor number ${i} teaching design`, ratingScore: 3 + (i % 5) / 2 }),
          ),
        );
        const seen: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const result = await engine.search(
            request({ terms: terms('design'), sort, first: 4, after, withTotal: false }),
          );
          seen.push(...result.hits.map((hit) => hit.id));
          // Someone publishes between every page, ranking anywhere.
          await seed(searchDocument({ headline: `Newcomer ${page} teaching design`, ratingScore: 3 + (page % 4) }));
          if (!result.hasNextPage) break;
          after = result.hits.at(-1)?.cursor ?? null;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expect.arrayContaining(original.map((doc) => doc.id)));
      },
    );
  });

  describe('writes', () => {
    it('replaces a document on upsert and drops it on remove', async () => {
      const [doc] = await seed(searchDocument({ headline: 'Swift mentor for iOS apps' }));
      await engine.upsert([{ ...doc, version: 2, headline: 'Elixir mentor for web apps' }]);
      expect(await ids({ terms: terms('swift') })).toEqual([]);
      expect(await ids({ terms: terms('elixir') })).toEqual([doc.id]);
      await engine.remove(doc.id, 2);
      expect(await ids({})).toEqual([]);
    });
  });
});
