import { DomainError } from '../errors/index.js';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  items: Array<{ cursor: string; node: T }>;
  hasNextPage: boolean;
  totalCount: number;
}

/** Refuses page sizes outside 1..100 instead of silently serving something else. */
export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput(field, `${field} must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the keyset values of the last row. */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the client-facing error
  }
  throw DomainError.badInput(field, `${field} is not a cursor this list issued`);
}

/**
 * Turns rows fetched with LIMIT first+1 into a page: the extra row only tells
 * whether another page exists.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  totalCount: number,
  keyOf: (row: T) => Array<string | number>,
): Page<T> {
  const hasNextPage = rows.length > first;
  const items = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { items, hasNextPage, totalCount };
}
