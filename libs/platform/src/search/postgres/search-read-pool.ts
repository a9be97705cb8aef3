import pg from 'pg';
import type { Logger } from 'pino';

/**
 * The planner settings a search statement needs. Text queries: the planner's estimate for
 * prefix and OR tsqueries is often far too high and it picks a sequential scan of every
 * document, while the GIN index is never the worse choice there (at 100,000 mentors, a
 * count of `python*`: 151 ms by sequential scan, 38 ms by bitmap); without text, a
 * sequential scan is right for broad browsing (facets over everyone: 92 ms, 361 ms
 * without it). Pages of several rank tiers: no parallel plan, whose Append could
 * interleave the tiers (see PostgresSearchEngine.page).
 */
export interface PlannerSettings {
  preferIndex: boolean;
  tiersInOrder: boolean;
}

const statementsFor = ({ preferIndex, tiersInOrder }: PlannerSettings): string =>
  [
    `SET enable_seqscan = ${preferIndex ? 'off' : 'on'}`,
    tiersInOrder ? 'SET max_parallel_workers_per_gather = 0' : 'RESET max_parallel_workers_per_gather',
  ].join('; ');

/**
 * Search reads on connections of their own, so planner settings are set per session and
 * only when a statement needs others than the connection has: one round trip per search
 * statement, where SET LOCAL needed four (BEGIN, SET, query, COMMIT) and the app's shared
 * pool could not carry session settings. Round trips, not planning, were what a search
 * waited on under load (each is a write to a socket and a turn in the queue).
 */
export class SearchReadPool {
  private readonly pool: pg.Pool;
  private readonly settingsOf = new WeakMap<pg.PoolClient, string>();
  private closing: Promise<void> | undefined;

  constructor(connectionString: string, max: number, logger?: Logger) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'mentorbridge-search' });
    // An idle connection that dies (a server restart, pg_terminate_backend) is reported on
    // the pool; unheard, it would end the process. The pool has already dropped it.
    this.pool.on('error', (error) => logger?.warn({ err: error }, 'search read pool: an idle connection was lost'));
  }

  /** Runs one statement; `settings` null means the statement does not care. */
  async query<T>(settings: PlannerSettings | null, sql: string, params: unknown[] = []): Promise<T> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      const wanted = settings ? statementsFor(settings) : null;
      if (wanted !== null && this.settingsOf.get(client) !== wanted) {
        await client.query(wanted);
        this.settingsOf.set(client, wanted);
      }
      const result = await client.query(sql, params);
      return result.rows as T;
    } catch (error) {
      // A connection whose statement failed is dropped, never returned in an unknown state.
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(failure);
    }
  }

  /** Safe to call more than once (an app can run its shutdown hooks twice). */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
