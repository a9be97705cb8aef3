/** What an API token may do; a signed-in session may do all of it. */
export const ApiScope = {
  READ_PUBLIC: 'READ_PUBLIC',
  READ_PRIVATE: 'READ_PRIVATE',
  WRITE: 'WRITE',
} as const;

export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

/** Weakest first: each scope includes every one before it. */
const NESTED: readonly ApiScope[] = [ApiScope.READ_PUBLIC, ApiScope.READ_PRIVATE, ApiScope.WRITE];

export const ALL_SCOPES: readonly ApiScope[] = NESTED;

/**
 * What granted scopes allow: WRITE implies READ_PRIVATE (a mutation returns the caller's
 * private records), which implies READ_PUBLIC.
 */
export function impliedScopes(granted: Iterable<ApiScope>): ReadonlySet<ApiScope> {
  const strongest = Math.max(-1, ...[...granted].map((scope) => NESTED.indexOf(scope)));
  return new Set(NESTED.slice(0, strongest + 1));
}
