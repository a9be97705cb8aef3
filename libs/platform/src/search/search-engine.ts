import type { EntityManager } from 'typeorm';
import type { MentorSearchDocument } from './search-document.js';
import type { SearchRequest, SearchResult } from './search-request.js';

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** Accepts documents for an index being built aside. */
export interface IndexBuilder {
  add(documents: MentorSearchDocument[]): Promise<void>;
}

/** Alias spelling -> canonical spelling(s), for engines that expand synonyms themselves. */
export type Synonyms = Record<string, string[]>;

/**
 * The search engine port. Adapters: PostgreSQL (default) and Meilisearch. Both pass the
 * one contract suite in test/search. Writes are version-guarded: a document never
 * replaces one with a higher version.
 */
export interface SearchEngine {
  readonly name: string;
  /** Creates the index and applies settings; safe to call at every start. */
  prepare(synonyms: Synonyms): Promise<void>;
  /**
   * `within` is the caller's open transaction: an engine that stores documents in
   * PostgreSQL writes through it (one connection, the caller's locks); others ignore it.
   */
  upsert(documents: MentorSearchDocument[], within?: EntityManager): Promise<void>;
  remove(id: string, version: number, within?: EntityManager): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Removes every document (tests, and a reindex that starts from nothing). */
  clear(): Promise<void>;
  /** Builds a complete new index aside while the live one keeps serving, then swaps it in. */
  rebuild(fill: (builder: IndexBuilder) => Promise<void>): Promise<void>;
  /** Releases the engine's connections (at shutdown). */
  close(): Promise<void>;
}
