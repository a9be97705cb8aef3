/** What an API token may do; a signed-in session may do all of it. */
export const ApiScope = {
  READ_PUBLIC: 'READ_PUBLIC',
  READ_PRIVATE: 'READ_PRIVATE',
  WRITE: 'WRITE',
} as const;

export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

export const ALL_SCOPES: readonly ApiScope[] = Object.values(ApiScope);
