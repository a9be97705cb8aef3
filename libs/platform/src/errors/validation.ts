import type { z } from 'zod';
import { DomainError } from './domain-error.js';

/** Renders a zod issue path the way clients write it: `input.industries[2]`. */
export function fieldPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    root,
  );
}

/** Validates client input; the first violation becomes BAD_USER_INPUT naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(root, issue?.path ?? []);
  throw DomainError.badInput(field, `${field}: ${issue?.message ?? 'is invalid'}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An id that cannot exist is simply not found; it must never reach SQL as a cast error. */
export function assertId(id: string, what: string): string {
  if (!isUuid(id)) throw DomainError.notFound(what);
  return id.toLowerCase();
}
