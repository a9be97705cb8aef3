import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, isUuid } from '../../errors/index.js';
import { decodeCursor, encodeCursor } from '../../pagination/index.js';
import { highlightText } from '../highlight.js';
import type { MentorSearchDocument } from '../search-document.js';
import type { IndexBuilder, SearchEngine } from '../search-engine.js';
import {
  FACET_NAMES,
  type FacetCount,
  type FacetName,
  type Facets,
  type SearchRequest,
  type SearchResult,
} from '../search-request.js';
import { allowedTypos, typoDistance } from '../text-tokens.js';
import {
  DOCUMENT_COLUMNS,
  documentValues,
  facetSlice,
  notFacetValue,
  TEXT_COLUMNS,
  textValues,
  TOTAL,
  untagFacetValue,
  vocabulary,
} from './postgres-document-sql.js';
import { applyTotalDeltas, facetTotalDeltas, totalsFromDocuments, type CountedRow } from './facet-totals.js';
import { and, filterConditions, onlyAcceptance } from './postgres-filters.js';
import { ranking } from './postgres-sort.js';
import { buildTextQuery, matchesDocument, type TextQuery } from './postgres-text-query.js';
import { SearchReadPool } from './search-read-pool.js';
import { SqlParams } from './sql-params.js';

/** The two tables of an index (see postgres-document-sql): live, or being rebuilt aside. */
interface IndexTables {
  documents: string;
  texts: string;
  /** Facet counts of the whole index (see migration 1763770700000). */
  totals: string;
}
const TABLES = ['documents', 'texts', 'totals'] as const;
const LIVE: IndexTables = {
  documents: 'mentor_search_documents',
  texts: 'mentor_search_texts',
  totals: 'mentor_search_facet_totals',
};
const NEXT: IndexTables = {
  documents: 'mentor_search_documents_next',
  texts: 'mentor_search_texts_next',
  totals: 'mentor_search_facet_totals_next',
};
const OLD_SUFFIX = '_old';
/** The first key of the search engine's two-key advisory locks (see lockDocuments). */
const DOCUMENT_LOCK_SPACE = 7301;
const WRITE_BATCH = 200;
const TYPO_CANDIDATES = 24;
const FACET_LIMIT = 50;
/** Leading facet values (after TOTAL) that order the rows physically; see cluster(). */
const CLUSTER_KEY_VALUES = 6;

interface HitRow {
  id: string;
  headline: string;
  skills: string[];
  industries: string[];
  role_title: string | null;
  company: string | null;
  bio: string;
  [key: `k${number}`]: number;
}

/**
 * The embedded engine: a denormalised table with a weighted tsvector (GIN) for matching
 * and ranking, a trigram-indexed vocabulary for typo tolerance, and keyset pagination.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';

  private readonly reads: SearchReadPool;

  /** Writes go through the app's DataSource; searches through a pool of their own (see SearchReadPool). */
  constructor(
    private readonly db: DataSource,
    logger?: Logger,
  ) {
    const { url, poolSize } = db.options as { url?: string; poolSize?: number };
    if (!url) throw new Error('The PostgreSQL search engine needs a DataSource configured with a url');
    this.reads = new SearchReadPool(url, poolSize ?? 10, logger);
  }

  async prepare(): Promise<void> {
    // The table and its indexes come from the migration; synonyms arrive expanded in each query.
  }

  upsert(documents: MentorSearchDocument[], within?: EntityManager): Promise<void> {
    return this.write(LIVE, documents, { keepTotals: true, within });
  }

  async remove(id: string, version: number, within?: EntityManager): Promise<void> {
    await this.transaction(within, async (manager) => {
      await lockDocuments(manager, [id]);
      // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count].
      const removed = await manager.query<CountedRow[]>(
        `WITH removed AS (
           DELETE FROM ${LIVE.documents} WHERE id = $1::uuid AND version <= $2::int
           RETURNING facet_values, accepting_requests
         )
         SELECT * FROM removed`,
        [id, version],
      );
      await manager.query(`DELETE FROM ${LIVE.texts} WHERE id = $1::uuid AND version <= $2::int`, [id, version]);
      await applyTotalDeltas(manager, LIVE.totals, facetTotalDeltas(removed.map((before) => ({ before }))));
    });
  }

  close(): Promise<void> {
    return this.reads.close();
  }

  async clear(): Promise<void> {
    await this.db.query(`TRUNCATE ${LIVE.documents}, ${LIVE.texts}, ${LIVE.totals}`);
  }

  async rebuild(fill: (builder: IndexBuilder) => Promise<void>): Promise<void> {
    for (const table of TABLES) {
      await this.db.query(`DROP TABLE IF EXISTS ${NEXT[table]}`);
      await this.db.query(`CREATE TABLE ${NEXT[table]} (LIKE ${LIVE[table]} INCLUDING ALL)`);
    }
    // The totals are counted once at the end, not kept row by row while the index fills.
    await fill({ add: (documents) => this.write(NEXT, documents, { keepTotals: false }) });
    await this.cluster(NEXT.documents);
    await this.db.query(totalsFromDocuments(NEXT.documents, NEXT.totals));
    await this.db.query(`ANALYZE ${TABLES.map((table) => NEXT[table]).join(', ')}`);
    // The renames take a brief exclusive lock: searches wait milliseconds, never see a half-built index.
    await this.db.transaction(async (manager) => {
      await manager.query(`LOCK TABLE ${TABLES.map((table) => LIVE[table]).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      for (const table of TABLES) {
        await manager.query(`ALTER TABLE ${LIVE[table]} RENAME TO ${LIVE[table]}${OLD_SUFFIX}`);
        await manager.query(`ALTER TABLE ${NEXT[table]} RENAME TO ${LIVE[table]}`);
        await manager.query(`DROP TABLE ${LIVE[table]}${OLD_SUFFIX}`);
      }
    });
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.terms.length > 0 ? buildTextQuery(request.terms, await this.typoVariants(request)) : null;
    // The page stops after its rows; the exact count and facets are a separate, lean pass.
    const [page, counts] = await Promise.all([
      this.page(request, text),
      request.withFacets || request.withTotal ? this.counts(request, text) : null,
    ]);
    return {
      ...page,
      totalCount: request.withTotal ? (counts?.total ?? 0) : null,
      facets: request.withFacets ? (counts?.facets ?? null) : null,
    };
  }

  /**
   * Rewrites a documents table in facet order (industries first), so mentors who share
   * an industry, and with it most of their vocabulary, share heap pages: a broad word's
   * count and facets then visit about half as many pages (measured at 100,000 mentors:
   * `python` 8,189 pages unordered, 3,685 ordered). Rows changed later land wherever
   * there is room, so the order holds best right after a reindex and decays slowly.
   * CLUSTER also rebuilds the GIN indexes compactly.
   */
  private async cluster(table: string): Promise<void> {
    await this.db.query(`CREATE INDEX ${table}_cluster_idx ON ${table} ((facet_values[2:${CLUSTER_KEY_VALUES + 1}]))`);
    await this.db.query(`CLUSTER ${table} USING ${table}_cluster_idx`);
    await this.db.query(`DROP INDEX ${table}_cluster_idx`);
  }

  /** The caller's open transaction when there is one, else a new one of our own. */
  private transaction<T>(within: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : this.db.transaction(work);
  }

  private async write(
    tables: IndexTables,
    documents: MentorSearchDocument[],
    { keepTotals, within }: { keepTotals: boolean; within?: EntityManager },
  ): Promise<void> {
    for (let start = 0; start < documents.length; start += WRITE_BATCH) {
      const batch = documents.slice(start, start + WRITE_BATCH);
      await (within ?? this.db).query(
        `INSERT INTO mentor_search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
        [vocabulary(batch)],
      );
      // Both rows of a document change together, each only forward in version, and the
      // facet totals move by exactly what the written rows changed.
      await this.transaction(within, async (manager) => {
        const ids = batch.map((doc) => doc.id);
        const before = new Map<string, CountedRow>();
        if (keepTotals) {
          await lockDocuments(manager, ids);
          const rows = await manager.query<Array<CountedRow & { id: string }>>(
            `SELECT id, facet_values, accepting_requests FROM ${tables.documents} WHERE id = ANY($1::uuid[])`,
            [ids],
          );
          for (const row of rows) before.set(row.id, row);
        }
        const written = await upsertRows<CountedRow & { id: string }>(
          manager,
          tables.documents,
          DOCUMENT_COLUMNS,
          batch,
          documentValues,
          'id, facet_values, accepting_requests',
        );
        await upsertRows(manager, tables.texts, TEXT_COLUMNS, batch, textValues);
        if (keepTotals) {
          const changes = written.map((after) => ({ before: before.get(after.id), after }));
          await applyTotalDeltas(manager, tables.totals, facetTotalDeltas(changes));
        }
      });
    }
  }

  /** Words in the index within each query word's typo budget (nearest by trigram distance first). */
  private async typoVariants(request: SearchRequest): Promise<Map<string, string[]>> {
    const words = [...new Set(request.terms.map((t) => t.word).filter((w) => allowedTypos(w) > 0))];
    const variants = new Map<string, string[]>();
    if (words.length === 0) return variants;
    const rows = await this.reads.query<Array<{ term: string; word: string }>>(
      null,
      `SELECT t.term, w.word FROM unnest($1::text[]) AS t(term)
       CROSS JOIN LATERAL (
         SELECT word FROM mentor_search_words ORDER BY word <-> t.term LIMIT ${TYPO_CANDIDATES}
       ) w`,
      [words],
    );
    for (const { term, word } of rows) {
      const budget = allowedTypos(term);
      if (word === term || typoDistance(term, word, budget) > budget) continue;
      variants.set(term, [...(variants.get(term) ?? []), word]);
    }
    return variants;
  }

  /**
   * Fills the page tier by tier, best first (see Ranking): each tier walks an index with
   * LIMIT, so a broad word never ranks all of its candidates.
   */
  private async page(
    request: SearchRequest,
    text: TextQuery | null,
  ): Promise<Omit<SearchResult, 'totalCount' | 'facets'>> {
    const shape = ranking(request.sort, text, new SqlParams());
    const keyCount = shape.keys.length;
    const after = request.after ? this.decode(request.after, keyCount) : null;
    const names = shape.keys.map((_, i) => `k${i}`);
    // Tiers ranked above the cursor's tier hold only rows already paged past.
    const inTier = (fixed: Array<number | null>, keys: number[]) =>
      fixed.every((value, i) => value === null || value === keys[i]);
    const first = after ? shape.tiers.findIndex((tier) => inTier(tier.fixed, after.keys)) : 0;
    if (first < 0) throw DomainError.badInput('after', 'after is not a cursor this list issued');
    const want = request.first + 1;
    const order = (alias: string) => [...names.map((n) => `${alias}.${n} DESC`), `${alias}.id DESC`].join(', ');
    const params = new SqlParams();
    const branches = shape.tiers.slice(first).map((_, offset) => {
      const t = first + offset;
      // Built afresh per branch, so each binds the placeholders its own SQL uses.
      const { keys, tiers } = ranking(request.sort, text, params);
      const tier = tiers[t];
      const select = keys.map((key, i) => {
        const value = tier.fixed[i];
        // A shared key value is a constant of the tier (code-made small integers, not input).
        return `${value === null ? key() : `${Number(value)}::float8`} AS k${i}`;
      });
      // A tier that implies a match is driven by its own (narrower) index, not the whole candidate set.
      const match = text && !tier.matches ? [matchesDocument(params.add(text.any, 'tsquery'))] : [];
      const where = [...match, tier.condition(), ...filterConditions(request.filter, params)];
      const boundary =
        after && t === first
          ? `WHERE (${[...names.map((n) => `s.${n}`), 's.id'].join(', ')}) < (${[
              ...after.keys.map((value) => params.add(value, 'float8')),
              params.add(after.id, 'uuid'),
            ].join(', ')})`
          : '';
      return `(SELECT s.* FROM (SELECT d.id, ${select.join(', ')} FROM ${LIVE.documents} d WHERE ${and(where)}) s
               ${boundary} ORDER BY ${order('s')} LIMIT ${want})`;
    });
    // One statement per page: the tiers, best first, are branches of a UNION ALL under one
    // LIMIT, and PostgreSQL runs a branch only while the page still needs rows (a plain
    // Append runs its branches in order; parallel plans, which could interleave them, are
    // off). Only the page's rows fetch their texts: long bios stay unread for the rest.
    const rows = await this.reads.query<HitRow[]>(
      { preferIndex: text !== null, tiersInOrder: branches.length > 1 },
      `WITH page AS (SELECT * FROM (${branches.join(' UNION ALL ')}) tiers LIMIT ${want})
       SELECT page.*, t.headline, t.skills, t.industries, t.role_title, t.company, t.bio
       FROM page JOIN ${LIVE.texts} t ON t.id = page.id
       ORDER BY ${order('page')}`,
      params.values,
    );
    return {
      hasNextPage: rows.length > request.first,
      hits: rows.slice(0, request.first).map((row) => ({
        id: row.id,
        cursor: encodeCursor([...names.map((n) => Number(row[n as `k${number}`])), row.id]),
        highlights: text ? highlightsOf(row, text) : [],
      })),
    };
  }

  /**
   * The exact total, and every facet over the whole filtered result, in one statement:
   * candidates' tagged facet values (TOTAL among them) are unnested and counted. A facet
   * counts its values under every filter but its own (disjunctive faceting).
   */
  private async counts(request: SearchRequest, text: TextQuery | null): Promise<{ total: number; facets: Facets }> {
    // Browsing everyone (the first page every visitor sees) is answered by the kept totals.
    if (!text && onlyAcceptance(request.filter)) {
      const rows = await this.reads.query<Array<{ value: string; count: number }>>(
        null,
        `SELECT value, count FROM ${LIVE.totals}
          WHERE accepting_only = $1 AND count > 0 ${request.withFacets ? '' : `AND value = '${TOTAL}'`}`,
        [request.filter.acceptingRequestsOnly],
      );
      return facetsOf(rows);
    }
    const params = new SqlParams();
    const match = text ? [matchesDocument(params.add(text.any, 'tsquery'))] : [];
    const settings = { preferIndex: text !== null, tiersInOrder: false };
    const everyFilter = and(filterConditions(request.filter, params));
    if (!request.withFacets) {
      const [{ total }] = await this.reads.query<[{ total: number }]>(
        settings,
        `SELECT count(*)::int AS total FROM ${LIVE.documents} d WHERE ${and([...match, everyFilter])}`,
        params.values,
      );
      return { total, facets: facetsOf([]).facets };
    }
    const filtered = (facet: FacetName) =>
      filterConditions(request.filter, new SqlParams(), facet).length <
      filterConditions(request.filter, new SqlParams()).length;
    const own = FACET_NAMES.filter(filtered).map((facet) => ({
      facet,
      condition: and(filterConditions(request.filter, params, facet)),
    }));
    // Every facet the filter does not touch, and the total, count the rows that pass every
    // filter; a touched facet counts its own values (a slice) over the rows that pass every
    // filter but its own. Each pass reads only the values it counts.
    const shared = `SELECT unnest(d.facet_values) AS v FROM ${LIVE.documents} d WHERE ${and([...match, everyFilter])}`;
    const passes = [
      own.length === 0
        ? shared
        : `SELECT s.v FROM (${shared}) s WHERE ${notFacetValue(
            own.map((o) => o.facet),
            's.v',
          )}`,
      ...own.map(
        (o) =>
          `SELECT unnest(${facetSlice(o.facet)}) AS v FROM ${LIVE.documents} d WHERE ${and([...match, o.condition])}`,
      ),
    ];
    // unnest in the select list streams values (ProjectSet); in FROM it materialises each row's set.
    const rows = await this.reads.query<Array<{ value: string; count: number }>>(
      settings,
      `SELECT u.v AS value, count(*)::int AS count FROM (${passes.join(' UNION ALL ')}) u GROUP BY u.v`,
      params.values,
    );
    return facetsOf(rows);
  }

  private decode(cursor: string, keyCount: number): { keys: number[]; id: string } {
    const values = decodeCursor(cursor, keyCount + 1);
    const id = values[keyCount];
    const keys = values.slice(0, keyCount);
    if (typeof id !== 'string' || !isUuid(id) || !keys.every((k) => typeof k === 'number' && Number.isFinite(k))) {
      throw DomainError.badInput('after', 'after is not a cursor this list issued');
    }
    return { keys: keys as number[], id };
  }
}

/**
 * Inserts or moves forward one table's rows of a batch (an older version never overwrites
 * a newer one); returns `returning` of the rows it actually wrote.
 */
async function upsertRows<Row = unknown>(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  batch: MentorSearchDocument[],
  values: (doc: MentorSearchDocument, params: SqlParams) => string,
  returning?: string,
): Promise<Row[]> {
  const params = new SqlParams();
  const rows = batch.map((doc) => values(doc, params)).join(', ');
  const updates = columns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  return manager.query<Row[]>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows}
     ON CONFLICT (id) DO UPDATE SET ${updates} WHERE ${table}.version <= EXCLUDED.version
     ${returning ? `RETURNING ${returning}` : ''}`,
    params.values,
  );
}

/**
 * Serialises writers of the same documents, even of one not written yet: the facet totals
 * need each document's row as it was just before this write. Two-key advisory locks keep
 * these apart from every one-key lock (the indexer's own); keys are taken in key order, so
 * two batches never wait on each other in a cycle, even when two ids hash alike.
 */
async function lockDocuments(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_SPACE}, k)
       FROM (SELECT DISTINCT hashtext(id::uuid::text) AS k FROM unnest($1::text[]) AS id ORDER BY k) keys`,
    [ids],
  );
}

/** The total (the TOTAL value's count) and each facet's values, most frequent first. */
function facetsOf(rows: Array<{ value: string; count: number }>): { total: number; facets: Facets } {
  let total = 0;
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Facets;
  for (const row of rows) {
    if (row.value === TOTAL) total = row.count;
    const tagged = untagFacetValue(row.value);
    if (tagged) facets[tagged.facet].push({ value: tagged.value, count: row.count });
  }
  for (const name of FACET_NAMES) {
    facets[name] = facets[name]
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, FACET_LIMIT);
  }
  return { total, facets };
}

function highlightsOf(row: HitRow, text: TextQuery): string[] {
  const fields = [row.headline, row.skills.join(', '), row.industries.join(', '), row.role_title, row.company, row.bio];
  return fields.flatMap((field) => {
    const marked = field ? highlightText(field, (word) => text.matches(word)) : null;
    return marked ? [marked] : [];
  });
}
