import type { EntityManager } from 'typeorm';

/** A document row as far as the facet totals see it. */
export interface CountedRow {
  facet_values: string[];
  accepting_requests: boolean;
}

export interface TotalDelta {
  acceptingOnly: boolean;
  value: string;
  delta: number;
}

/**
 * What the facet totals must add when documents change from `before` to `after` (absent
 * for an insert or a removal). Sorted, so every writer locks total rows in one order and
 * two writers never wait on each other in a cycle.
 */
export function facetTotalDeltas(changes: Array<{ before?: CountedRow; after?: CountedRow }>): TotalDelta[] {
  const deltas = new Map<string, TotalDelta>();
  const bump = (acceptingOnly: boolean, value: string, delta: number) => {
    const key = `${acceptingOnly ? 1 : 0}:${value}`;
    const entry = deltas.get(key) ?? { acceptingOnly, value, delta: 0 };
    entry.delta += delta;
    deltas.set(key, entry);
  };
  const count = (row: CountedRow | undefined, sign: number) => {
    for (const value of row?.facet_values ?? []) {
      bump(false, value, sign);
      if (row?.accepting_requests) bump(true, value, sign);
    }
  };
  for (const { before, after } of changes) {
    count(before, -1);
    count(after, 1);
  }
  return [...deltas.values()]
    .filter((entry) => entry.delta !== 0)
    .sort(
      (a, b) =>
        Number(a.acceptingOnly) - Number(b.acceptingOnly) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
}

export async function applyTotalDeltas(manager: EntityManager, table: string, deltas: TotalDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await manager.query(
    `INSERT INTO ${table} (accepting_only, value, count)
     SELECT * FROM unnest($1::boolean[], $2::text[], $3::int[])
     ON CONFLICT (accepting_only, value) DO UPDATE SET count = ${table}.count + EXCLUDED.count`,
    [deltas.map((d) => d.acceptingOnly), deltas.map((d) => d.value), deltas.map((d) => d.delta)],
  );
}

/** SQL that fills an empty totals table from a documents table (a rebuild, at the end). */
export function totalsFromDocuments(documents: string, totals: string): string {
  return `INSERT INTO ${totals} (accepting_only, value, count)
          SELECT scope.accepting_only, v, count(*)
            FROM ${documents} d
            CROSS JOIN LATERAL unnest(d.facet_values) AS v
            CROSS JOIN LATERAL (VALUES (false), (true)) AS scope(accepting_only)
           WHERE NOT scope.accepting_only OR d.accepting_requests
           GROUP BY scope.accepting_only, v`;
}
