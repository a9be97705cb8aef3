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
import { sortKeys } from './postgres-sort.js';
import { buildTextQuery, matchesDocument, type TextQuery } from './postgres-text-query.js';
import { SqlParams } from './sql-params.js';

const LIVE = 'mentor_search_documents';
const NEXT = 'mentor_search_documents_next';
const OLD = 'mentor_search_documents_old';
const WRITE_BATCH = 200;
const TYPO_CANDIDATES = 24;
const FACET_LIMIT = 50;

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
  total?: string;
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
    // Ranking a text query visits every candidate anyway: the same pass can count them.
    const countInPage = text !== null && request.withTotal && !request.withFacets;
    const [page, counts] = await Promise.all([
      this.page(request, text, countInPage),
      request.withFacets || (request.withTotal && !countInPage) ? this.counts(request, text) : null,
    ]);
    const { total, ...rest } = page;
    // Past the last row the page has no row to carry the count.
    const totalCount = countInPage ? (total ?? (request.after ? (await this.counts(request, text)).total : 0)) : null;
    return {
      ...rest,
      totalCount: totalCount ?? counts?.total ?? null,
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

  private async page(
    request: SearchRequest,
    text: TextQuery | null,
    withCount: boolean,
  ): Promise<Omit<SearchResult, 'totalCount' | 'facets'> & { total: number | undefined }> {
    const params = new SqlParams();
    const keys = sortKeys(request.sort, text, params);
    const where = [...(text ? [matchesDocument(params.add(text.any, 'tsquery'))] : [])];
    where.push(...filterConditions(request.filter, params));
    const after = request.after ? this.decode(request.after, keys.length) : null;
    const names = keys.map((_, i) => `k${i}`);
    const boundary = after
      ? `WHERE (${[...names.map((n) => `s.${n}`), 's.id'].join(', ')}) < (${[
          ...after.keys.map((value) => params.add(value, 'float8')),
          params.add(after.id, 'uuid'),
        ].join(', ')})`
      : '';
    const order = [...names.map((n) => `${n} DESC`), 'id DESC'].join(', ');
    const candidates = `SELECT d.id, ${keys.map((key, i) => `${key} AS k${i}`).join(', ')} FROM ${LIVE} d WHERE ${and(where)}`;
    // OFFSET 0 keeps the keys computed under the window count, so the window buffers ids
    // and numbers rather than whole rows.
    // Only the page's rows fetch their texts (for highlights): long bios stay unread for the rest.
    const rows = await this.db.query<HitRow[]>(
      `WITH page AS (
         SELECT s.* FROM (${withCount ? `SELECT k.*, count(*) OVER () AS total FROM (${candidates} OFFSET 0) k` : candidates}) s
         ${boundary}
         ORDER BY ${order}
         LIMIT ${request.first + 1}
       )
       SELECT page.*, d.headline, d.skills, d.industries, d.role_title, d.company, d.bio
       FROM page JOIN ${LIVE} d ON d.id = page.id
       ORDER BY ${[...names.map((n) => `page.${n} DESC`), 'page.id DESC'].join(', ')}`,
      params.values,
    );
    return {
      total: rows[0]?.total === undefined ? undefined : Number(rows[0].total),
      hasNextPage: rows.length > request.first,
      hits: rows.slice(0, request.first).map((row) => ({
        id: row.id,
        cursor: encodeCursor([...names.map((n) => row[n as `k${number}`]), row.id]),
        highlights: text ? highlightsOf(row, text) : [],
      })),
    };
  }

  /** Total and every facet in one pass; each facet drops its own filter. */
  private async counts(request: SearchRequest, text: TextQuery | null): Promise<{ total: number; facets: Facets }> {
    const params = new SqlParams();
    const match = text ? matchesDocument(params.add(text.any, 'tsquery')) : 'true';
    const branches = [
      `SELECT 'total'::text AS facet, ''::text AS value WHERE ${and(filterConditions(request.filter, params))}`,
    ];
    if (request.withFacets) {
      for (const facet of FACET_NAMES) {
        branches.push(
          `SELECT '${facet}', v FROM unnest(${FACET_COLUMNS[facet]}) AS v
           WHERE ${and(filterConditions(request.filter, params, facet))}`,
        );
      }
    }
    const rows = await this.db.query<Array<{ facet: FacetName | 'total'; value: string; count: number }>>(
      `SELECT f.facet, f.value, count(*)::int AS count
       FROM ${LIVE} d CROSS JOIN LATERAL (${branches.join(' UNION ALL ')}) f
       WHERE ${match}
       GROUP BY f.facet, f.value`,
      params.values,
    );
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Facets;
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
