import { Meilisearch, type Hit, type MultiSearchQuery } from 'meilisearch';
import { DomainError } from '../../errors/index.js';
import { decodeCursor, encodeCursor } from '../../pagination/index.js';
import { SEARCHABLE_FIELDS, type MentorSearchDocument } from '../search-document.js';
import type { IndexBuilder, SearchEngine, Synonyms } from '../search-engine.js';
import {
  FACET_NAMES,
  type FacetName,
  type Facets,
  type SearchRequest,
  type SearchResult,
  type SearchSort,
} from '../search-request.js';
import { meiliSettings } from './meili-settings.js';
import { toMeiliFilter } from './meili-filter.js';

type MeiliDocument = MentorSearchDocument & { priceSortCents: number };

const FACET_ATTRIBUTES: Record<FacetName, string> = {
  industries: 'industrySlugs',
  skills: 'skillSlugs',
  languages: 'languages',
  formats: 'formats',
  priceBands: 'priceBand',
};

const SORTS: Record<Exclude<SearchSort, 'RELEVANCE'>, string[]> = {
  RATING: ['ratingScore:desc', 'publishedAtMs:desc'],
  EXPERIENCE: ['yearsOfExperience:desc', 'ratingScore:desc'],
  PRICE_ASC: ['priceSortCents:asc', 'ratingScore:desc'],
  NEWEST: ['publishedAtMs:desc'],
};

const toMeili = (doc: MentorSearchDocument): MeiliDocument => ({ ...doc, priceSortCents: doc.priceCents ?? 0 });

/**
 * Meilisearch adapter. Ordering of writes is guaranteed by the caller (the indexer
 * serialises each profile's sync and Meilisearch applies tasks in order), because
 * Meilisearch has no conditional write. Pages are offsets: Meilisearch has no keyset.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private synonyms: Synonyms = {};

  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly indexUid = 'mentors',
  ) {
    this.client = new Meilisearch({ host, apiKey });
  }

  async close(): Promise<void> {
    // The client holds no connections between requests.
  }

  async prepare(synonyms: Synonyms): Promise<void> {
    this.synonyms = synonyms;
    await this.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask();
    await this.client.index(this.indexUid).updateSettings(meiliSettings(synonyms)).waitTask();
  }

  async upsert(documents: MentorSearchDocument[]): Promise<void> {
    await this.client.index<MeiliDocument>(this.indexUid).addDocuments(documents.map(toMeili)).waitTask();
  }

  async remove(id: string): Promise<void> {
    await this.client.index(this.indexUid).deleteDocument(id).waitTask();
  }

  async clear(): Promise<void> {
    await this.client.index(this.indexUid).deleteAllDocuments().waitTask();
  }

  async rebuild(fill: (builder: IndexBuilder) => Promise<void>): Promise<void> {
    const next = `${this.indexUid}_next`;
    await this.client.deleteIndex(next).waitTask();
    await this.client.createIndex(next, { primaryKey: 'id' }).waitTask();
    await this.client.index(next).updateSettings(meiliSettings(this.synonyms)).waitTask();
    await fill({
      add: async (documents) => {
        await this.client.index<MeiliDocument>(next).addDocuments(documents.map(toMeili)).waitTask();
      },
    });
    await this.client.swapIndexes([{ indexes: [this.indexUid, next], rename: false }]).waitTask();
    await this.client.deleteIndex(next).waitTask();
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const offset = request.after ? decodeOffset(request.after) : 0;
    const q = request.terms.map((term) => term.word).join(' ');
    const base = { indexUid: this.indexUid, q };
    const queries: MultiSearchQuery[] = [
      {
        ...base,
        filter: toMeiliFilter(request.filter),
        sort: request.sort === 'RELEVANCE' ? (q ? undefined : SORTS.RATING) : SORTS[request.sort],
        offset,
        limit: request.first + 1,
        attributesToRetrieve: ['id'],
        attributesToHighlight: q ? [...SEARCHABLE_FIELDS] : [],
        attributesToCrop: ['bio'],
        cropLength: 24,
        highlightPreTag: '<mark>',
        highlightPostTag: '</mark>',
      },
    ];
    if (request.withTotal) queries.push({ ...base, filter: toMeiliFilter(request.filter), page: 1, hitsPerPage: 0 });
    if (request.withFacets) {
      for (const facet of FACET_NAMES) {
        const filter = toMeiliFilter(request.filter, facet);
        queries.push({ ...base, filter, facets: [FACET_ATTRIBUTES[facet]], limit: 0 });
      }
    }
    const { results } = await this.client.multiSearch({ queries });
    const [page, ...rest] = results;
    const total = request.withTotal ? (rest.shift()?.totalHits ?? 0) : null;
    const hits = page.hits.slice(0, request.first).map((hit, i) => ({
      id: String(hit.id),
      cursor: encodeCursor([offset + i + 1]),
      highlights: highlightsOf(hit),
    }));
    return {
      hits,
      hasNextPage: page.hits.length > request.first,
      totalCount: total,
      facets: request.withFacets ? facetsOf(rest.map((result) => result.facetDistribution ?? {})) : null,
    };
  }
}

const MAX_OFFSET = 100_000;

function decodeOffset(cursor: string): number {
  const [offset] = decodeCursor(cursor, 1);
  // An offset past anything we page to is not a cursor we issued (and Meilisearch would refuse it).
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw DomainError.badInput('after', 'after is not a cursor this list issued');
  }
  return offset;
}

function facetsOf(distributions: Array<Record<string, Record<string, number>>>): Facets {
  const entries = FACET_NAMES.map((name, i) => {
    const counts = distributions[i]?.[FACET_ATTRIBUTES[name]] ?? {};
    const values = Object.entries(counts)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return [name, values];
  });
  return Object.fromEntries(entries) as Facets;
}

function highlightsOf(hit: Hit): string[] {
  const formatted = hit._formatted ?? {};
  return SEARCHABLE_FIELDS.flatMap((field) => {
    const value: unknown = formatted[field];
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
    return text.includes('<mark>') ? [text] : [];
  });
}
