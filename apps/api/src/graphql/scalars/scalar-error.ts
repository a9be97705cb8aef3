import { GraphQLError } from 'graphql';

/** graphql-js copies these extensions onto the coercion error it reports. */
export function invalidScalar(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
