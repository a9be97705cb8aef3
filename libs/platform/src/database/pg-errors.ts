import { QueryFailedError } from 'typeorm';

interface PgDriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): PgDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgDriverError;
  if (error && typeof error === 'object' && 'code' in error) return error as PgDriverError;
  return undefined;
}

/** True when PostgreSQL refused a row for a unique index (optionally a named one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** True when an exclusion constraint (such as no overlapping sessions) refused a row. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23P01' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * True when PostgreSQL aborted a transaction only because of how it interleaved with
 * another (a deadlock or a serialization failure): the same work, run again, can succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === '40P01' || code === '40001';
}
