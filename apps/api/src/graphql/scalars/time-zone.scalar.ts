import { canonicalTimeZone, isValidTimeZone } from '@app/platform';
import { GraphQLScalarType, Kind } from 'graphql';
import { invalidScalar } from './scalar-error.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isValidTimeZone(value)) {
    throw invalidScalar('TimeZone must be an IANA time zone name, e.g. America/Sao_Paulo');
  }
  return canonicalTimeZone(value);
}

export const TimeZoneScalar = new GraphQLScalarType<string, string>({
  name: 'TimeZone',
  description: 'IANA time zone name, e.g. "America/Sao_Paulo"; unknown names are BAD_USER_INPUT',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalidScalar('TimeZone must be a string');
    return parse(ast.value);
  },
});
