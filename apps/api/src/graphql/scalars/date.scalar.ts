import { GraphQLScalarType, Kind } from 'graphql';
import { invalidScalar } from './scalar-error.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw invalidScalar('Date must be an ISO-8601 calendar date, e.g. 2026-03-01');
  }
  const date = new Date(`${value}T00:00:00Z`);
  // PostgreSQL's calendar has no year 0, though JavaScript's does.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || date.getUTCFullYear() < 1) {
    throw invalidScalar('Date is not a real calendar date');
  }
  return value;
}

/** A calendar date kept as "YYYY-MM-DD": it has no time zone, so it is never a JS Date. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date ("2026-03-01")',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parse(value);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalidScalar('Date must be a string');
    return parse(ast.value);
  },
});
