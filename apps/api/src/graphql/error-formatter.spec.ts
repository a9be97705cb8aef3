import { DomainError } from '@app/platform';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { flattenErrors, formatGraphQLError } from './error-formatter.js';

const logger = pino({ level: 'silent' });

describe('formatGraphQLError', () => {
  it('maps a domain error to its code and field', () => {
    const error = new GraphQLError('wrapped', { originalError: DomainError.badInput('input.bio', 'too short') });
    expect(formatGraphQLError(error, 'req-1', logger)).toEqual({
      message: 'too short',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.bio' },
    });
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR and the request id', () => {
    const error = new GraphQLError('relation "users" does not exist', {
      originalError: new Error('relation "users" does not exist\n    at Query.run (pg.js:1)'),
      path: ['me'],
    });
    const formatted = formatGraphQLError(error, 'req-2', logger);
    expect(formatted).toEqual({
      message: 'Internal server error; quote request id req-2',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/relation|pg\.js/);
  });

  it('names the input path of a variable coercion error', () => {
    const error = new GraphQLError(
      'Variable "$input" got invalid value "Mars" at "input.timeZone"; TimeZone must be an IANA time zone name',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
    expect(formatGraphQLError(error, 'r', logger).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.timeZone',
    });
  });

  it('flattens the error lists Mercurius wraps validation failures in', () => {
    const inner = [new GraphQLError('a'), new GraphQLError('b')];
    const wrapper = new GraphQLError('wrapper', { originalError: Object.assign(new Error('x'), { errors: inner }) });
    expect(flattenErrors([wrapper]).map((e) => e.message)).toEqual(['a', 'b']);
  });
});
