import type { DataSource, Logger } from 'typeorm';

export interface QueryCounter {
  /** SQL statements sent through this data source since the counter started. */
  readonly queries: string[];
  stop(): void;
}

/**
 * Counts the statements a data source runs, by wrapping its TypeORM logger (which
 * sees every query whether or not logging is on). Used to prove that lists resolve
 * their relations through DataLoaders in a constant number of queries.
 */
export function countQueries(db: DataSource): QueryCounter {
  const target = db as unknown as { logger: Logger };
  const original = target.logger;
  const queries: string[] = [];
  target.logger = new Proxy(original, {
    get(logger, property, receiver) {
      if (property === 'logQuery') {
        return (query: string, ...rest: unknown[]) => {
          if (!/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(query.trim())) queries.push(query);
          return (logger.logQuery as (...args: unknown[]) => unknown).call(logger, query, ...rest);
        };
      }
      return Reflect.get(logger, property, receiver) as unknown;
    },
  });
  return {
    queries,
    stop() {
      target.logger = original;
    },
  };
}
