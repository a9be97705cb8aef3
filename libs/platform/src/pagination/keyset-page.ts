import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { isUuid } from '../errors/validation.js';
import { checkPageSize, decodeCursor, toPage, type Page, type PageArgs } from './pagination.js';

export interface KeysetQuery {
  /** Selected columns; every row must have an `id`. */
  columns: string;
  from: string;
  /** The filter, with parameters $1..$n taken from `params`. */
  where: string;
  params: unknown[];
  /** A timestamptz column, newest first unless `ascending`; ties broken by `idColumn` (a uuid). */
  sortColumn: string;
  idColumn: string;
  args: PageArgs;
  /** Oldest first, e.g. sessions in calendar order. */
  ascending?: boolean;
}

/**
 * One page of a newest-first (or oldest-first) list, keyed on (time, id). The cursor keeps microseconds:
 * a JS Date would drop them and skip rows that share a millisecond at a page edge.
 */
export async function keysetPage<T extends { id: string }>(db: DataSource, query: KeysetQuery): Promise<Page<T>> {
  const first = checkPageSize(query.args.first);
  const micros = `(extract(epoch FROM ${query.sortColumn}) * 1000000)::bigint`;
  const params = [...query.params];
  let keyset = '';
  if (query.args.after) {
    const [sortMicros, id] = decodeCursor(query.args.after, 2);
    // At most 18 digits: anything longer is not a cursor we issued and would overflow bigint.
    if (!/^\d{1,18}$/.test(String(sortMicros)) || !isUuid(String(id))) {
      throw DomainError.badInput('after', 'after is not a cursor this list issued');
    }
    params.push(sortMicros, id);
    keyset = ` AND (${micros}, ${query.idColumn}) ${query.ascending ? '>' : '<'} ($${params.length - 1}::bigint, $${params.length}::uuid)`;
  }
  const direction = query.ascending ? 'ASC' : 'DESC';
  const [rows, counts] = await Promise.all([
    db.query<Array<T & { sortMicros: string }>>(
      `SELECT ${query.columns}, ${micros}::text AS "sortMicros" FROM ${query.from}
        WHERE ${query.where}${keyset}
        ORDER BY ${query.sortColumn} ${direction}, ${query.idColumn} ${direction} LIMIT ${first + 1}`,
      params,
    ),
    db.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM ${query.from} WHERE ${query.where}`,
      query.params,
    ),
  ]);
  return toPage(rows, first, counts[0]?.total ?? 0, (row) => [row.sortMicros, row.id]);
}
