/**
 * Own weights of the fields dearer than a plain read, declared with the `complexity` option
 * of @Query/@Mutation/@Field. The selection under a field adds to it, times its page size.
 * GRAPHQL_MAX_COST (10,000 by default) then bounds how many fit in one request.
 */
export const COST = {
  /** A search engine query with its exact total, and facets when asked: at most ~100 per request. */
  search: 100,
  /** Scores mentors against the mentee's goals: as dear as a search. */
  recommendation: 100,
  /** A trigram lookup over the skills. */
  autocomplete: 10,
  /** argon2id at 19 MiB: tens of milliseconds of CPU and the memory, so at most 4 per request. */
  passwordHash: 2000,
  /** One aggregate statement over every session, check-in and goal of a program: as dear as a search. */
  programMetrics: 100,
  /** Rotates a refresh token: a few writes, no hashing. */
  tokenRotation: 20,
} as const;
