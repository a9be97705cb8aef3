import { DomainError } from '@app/platform';
import { ApiScope } from './api-scope.js';

/** Who is calling, and what they may do. */
export interface Principal {
  userId: string;
  via: 'session' | 'api-token';
  scopes: ReadonlySet<ApiScope>;
}

/**
 * Credentials and sessions are managed from a signed-in session only: a token must not
 * mint tokens (a WRITE-only token could grant itself more), change the password or sign
 * its owner out.
 */
export function assertSignedInSession(principal: Principal, what: string): void {
  if (principal.via !== 'session') throw DomainError.forbidden(`${what} needs a signed-in session, not an API token`);
}

/**
 * The user whose own private records (drafts, paused profiles) the caller may read, or
 * null: a READ_PUBLIC token reads as the public does, even about its owner.
 */
export function privateReaderId(principal: Principal | null | undefined): string | null {
  return principal?.scopes.has(ApiScope.READ_PRIVATE) ? principal.userId : null;
}
