import { GraphQLScalarType, Kind } from 'graphql';
import { invalidScalar } from './scalar-error.js';

// An instant must carry its offset: a bare local time would be guessed in the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw invalidScalar('DateTime must be an ISO-8601 instant with an offset, e.g. 2026-03-01T09:00:00Z');
  }
  const date = new Date(value);
  // Years outside 1..9999 parse in JavaScript but not as a PostgreSQL timestamptz.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
    throw invalidScalar('DateTime is not a real instant');
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 instant; output always in UTC ("2026-03-01T09:00:00.000Z")',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalidScalar('DateTime must be a string');
    return parse(ast.value);
  },
});
