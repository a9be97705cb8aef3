export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * Whether the client takes `application/graphql-response+json` (GraphQL over HTTP): then a
 * request that fails before execution answers 4xx. Clients that ask only for
 * `application/json`, or send no Accept header, keep the legacy 200.
 */
export function acceptsGraphQLResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    return type === GRAPHQL_RESPONSE_TYPE && !params.some((param) => /^q=0(?:\.0*)?$/.test(param));
  });
}
