import type { ApiScope } from './api-scope.js';

/** Who is calling, and what they may do. */
export interface Principal {
  userId: string;
  via: 'session' | 'api-token';
  scopes: ReadonlySet<ApiScope>;
}
