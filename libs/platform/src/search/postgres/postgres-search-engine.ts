import type { DataSource } from 'typeorm';
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
import { COLUMNS, documentValues, vocabulary } from './postgres-document-sql.js';
import { and, filterConditions } from './postgres-filters.js';
import { ranking } from './postgres-sort.js';
import { buildTextQuery, matchesDocument, type TextQuery } from './postgres-text-query.js';
import { SqlParams } from './sql-params.js';

const LIVE = 'mentor_search_documents';
const NEXT = 'mentor_search_documents_next';
const OLD = 'mentor_search_documents_old';
const WRITE_BATCH = 200;
const TYPO_CANDIDATES = 24;
const FACET_LIMIT = 50;
/** Text queries: see query(). */
const PREFER_INDEX = 'enable_seqscan = off';
/** The facet pass keeps a broad word's candidates in memory (at 4 MB they spilled to disk). */
const FACET_MEMORY = `work_mem = '32MB'`;

const FACET_COLUMNS: Record<FacetName, string> = {
  industries: 'd.industry_slugs',
  skills: 'd.skill_slugs',
  languages: 'd.languages',
  formats: 'd.formats',
  priceBands: 'ARRAY[d.price_band]',
};

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

  constructor(private readonly db: DataSource) {}

  async prepare(): Promise<void> {
    // The table and its indexes come from the migration; synonyms arrive expanded in each query.
  }

  upsert(documents: MentorSearchDocument[]): Promise<void> {
    return this.write(LIVE, documents);
  }

  async remove(id: string, version: number): Promise<void> {
    await this.db.query(`DELETE FROM ${LIVE} WHERE id = $1::uuid AND version <= $2::int`, [id, version]);
  }

  async clear(): Promise<void> {
    await this.db.query(`TRUNCATE ${LIVE}`);
  }

  async rebuild(fill: (builder: IndexBuilder) => Promise<void>): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS ${NEXT}`);
    await this.db.query(`CREATE TABLE ${NEXT} (LIKE ${LIVE} INCLUDING ALL)`);
    await fill({ add: (documents) => this.write(NEXT, documents) });
    await this.db.query(`ANALYZE ${NEXT}`);
    // The renames take a brief exclusive lock: searches wait milliseconds, never see a half-built index.
    await this.db.transaction(async (manager) => {
      await manager.query(`LOCK TABLE ${LIVE} IN ACCESS EXCLUSIVE MODE`);
      await manager.query(`ALTER TABLE ${LIVE} RENAME TO ${OLD}`);
      await manager.query(`ALTER TABLE ${NEXT} RENAME TO ${LIVE}`);
      await manager.query(`DROP TABLE ${OLD}`);
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

  private async write(table: string, documents: MentorSearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += WRITE_BATCH) {
      const batch = documents.slice(start, start + WRITE_BATCH);
      const params = new SqlParams();
      const rows = batch.map((doc) => documentValues(doc, params)).join(', ');
      const updates = COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = EXCLUDED.${c}`)
        .join(', ');
      await this.db.query(`INSERT INTO mentor_search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
        vocabulary(batch),
      ]);
      await this.db.query(
        `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${rows}
         ON CONFLICT (id) DO UPDATE SET ${updates} WHERE ${table}.version <= EXCLUDED.version`,
        params.values,
      );
    }
  }

  /** Words in the index within each query word's typo budget (nearest by trigram distance first). */
  private async typoVariants(request: SearchRequest): Promise<Map<string, string[]>> {
    const words = [...new Set(request.terms.map((t) => t.word).filter((w) => allowedTypos(w) > 0))];
    const variants = new Map<string, string[]>();
    if (words.length === 0) return variants;
    const rows = await this.db.query<Array<{ term: string; word: string }>>(
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
   * Fills the page tier by tier, best first (see Ranking): each tier is one query that
   * walks an index with LIMIT, so a broad word never ranks all of its candidates.
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
    const rows: HitRow[] = [];
    for (let t = first; t < shape.tiers.length && rows.length < want; t += 1) {
      const params = new SqlParams();
      // Built afresh per query, so only the placeholders this query uses are bound.
      const { keys, tiers } = ranking(request.sort, text, params);
      const tier = tiers[t];
      const select = keys.map((key, i) => {
        const value = tier.fixed[i];
        // A shared key value is a constant of the tier (code-made small integers, not input).
        return `${value === null ? key() : `${Number(value)}::float8`} AS k${i}`;
      });
      // A tier that implies a match is driven by its own (narrower) index, not the whole candidate set.
      const match = text && !tier.matches ? [matchesDocument(params.add(text.any, 'tsquery'))] : [];
      const where = [...match, tier.condition()];
      where.push(...filterConditions(request.filter, params));
      const boundary =
        after && t === first
          ? `WHERE (${[...names.map((n) => `s.${n}`), 's.id'].join(', ')}) < (${[
              ...after.keys.map((value) => params.add(value, 'float8')),
              params.add(after.id, 'uuid'),
            ].join(', ')})`
          : '';
      const order = [...names.map((n) => `${n} DESC`), 'id DESC'].join(', ');
      // Only the page's rows fetch their texts (for highlights): long bios stay unread for the rest.
      const found = await this.query<HitRow[]>(
        text ? [PREFER_INDEX] : [],
        `WITH page AS (
           SELECT s.* FROM (SELECT d.id, ${select.join(', ')} FROM ${LIVE} d WHERE ${and(where)}) s
           ${boundary}
           ORDER BY ${order}
           LIMIT ${want - rows.length}
         )
         SELECT page.*, d.headline, d.skills, d.industries, d.role_title, d.company, d.bio
         FROM page JOIN ${LIVE} d ON d.id = page.id
         ORDER BY ${[...names.map((n) => `page.${n} DESC`), 'page.id DESC'].join(', ')}`,
        params.values,
      );
      rows.push(...found);
    }
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
   * The exact total, and every facet over the whole filtered result. Facets read each
   * candidate once: its facet values and one flag per facet (all filters but that facet's
   * own) are gathered in a single scan, then each facet is grouped from that.
   */
  private async counts(request: SearchRequest, text: TextQuery | null): Promise<{ total: number; facets: Facets }> {
    const params = new SqlParams();
    const match = text ? [matchesDocument(params.add(text.any, 'tsquery'))] : [];
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Facets;
    if (!request.withFacets) {
      const [{ total }] = await this.query<[{ total: number }]>(
        text ? [PREFER_INDEX] : [],
        `SELECT count(*)::int AS total FROM ${LIVE} d WHERE ${and([...match, ...filterConditions(request.filter, params)])}`,
        params.values,
      );
      return { total, facets };
    }
    const conditions = [
      ['total', and(filterConditions(request.filter, params))],
      ...FACET_NAMES.map((facet) => [facet, and(filterConditions(request.filter, params, facet))]),
    ];
    const flags = conditions.map(([name, condition]) => `${condition} AS f_${name}`);
    // A row counts somewhere only if it passes one of the flags (PostgreSQL factors out the shared filters).
    const anyFlag = conditions.map(([, condition]) => `(${condition})`).join(' OR ');
    const groups = FACET_NAMES.map(
      (facet) =>
        `SELECT '${facet}'::text AS facet, v AS value, count(*)::int AS count
         FROM m AS c CROSS JOIN LATERAL unnest(c.${facet}) AS v WHERE c.f_${facet} GROUP BY v`,
    );
    const rows = await this.query<Array<{ facet: FacetName | 'total'; value: string; count: number }>>(
      text ? [PREFER_INDEX, FACET_MEMORY] : [FACET_MEMORY],
      `WITH m AS MATERIALIZED (
         SELECT ${FACET_NAMES.map((facet) => `${FACET_COLUMNS[facet]} AS ${facet}`).join(', ')}, ${flags.join(', ')}
         FROM ${LIVE} d WHERE ${and([...match, anyFlag])}
       )
       SELECT 'total'::text AS facet, ''::text AS value, count(*)::int AS count FROM m AS c WHERE c.f_total
       UNION ALL ${groups.join(' UNION ALL ')}`,
      params.values,
    );
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = row.count;
      else facets[row.facet].push({ value: row.value, count: row.count });
    }
    for (const name of FACET_NAMES) {
      facets[name] = facets[name]
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, FACET_LIMIT);
    }
    return { total, facets };
  }

  /**
   * Runs a search query under per-query planner settings (SET LOCAL, so they end with it).
   * With text, the planner's estimate for prefix and OR tsqueries is often far too high and
   * it picks a sequential scan of every document; the GIN index is never the worse choice
   * there (measured at 100,000 mentors: count for `python*` 151 ms seq scan, 38 ms bitmap).
   */
  private async query<T>(settings: string[], sql: string, params: unknown[]): Promise<T> {
    if (settings.length === 0) return this.db.query<T>(sql, params);
    return this.db.transaction(async (manager) => {
      for (const setting of settings) await manager.query(`SET LOCAL ${setting}`);
      return manager.query<T>(sql, params);
    });
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

function highlightsOf(row: HitRow, text: TextQuery): string[] {
  const fields = [row.headline, row.skills.join(', '), row.industries.join(', '), row.role_title, row.company, row.bio];
  return fields.flatMap((field) => {
    const marked = field ? highlightText(field, (word) => text.matches(word)) : null;
    return marked ? [marked] : [];
  });
}
