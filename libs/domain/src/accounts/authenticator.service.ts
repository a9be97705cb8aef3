import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { AccessTokenService } from './access-token.service.js';
import { ALL_SCOPES } from './api-scope.js';
import { API_TOKEN_PREFIX, ApiTokenService } from './api-token.service.js';
import type { Principal } from './principal.js';
import { SessionsService } from './sessions.service.js';

/** Turns an `Authorization` header into a principal: API token or session access token. */
@Injectable()
export class AuthenticatorService {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly apiTokens: ApiTokenService,
    private readonly sessions: SessionsService,
  ) {}

  /** null when no credentials were sent; UNAUTHENTICATED when they were sent and are bad. */
  async fromAuthorizationHeader(header: string | undefined): Promise<Principal | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw DomainError.unauthenticated('Authorization header must be "Bearer <token>"');
    const credential = match[1];
    const principal = credential.startsWith(API_TOKEN_PREFIX)
      ? await this.apiTokens.authenticate(credential)
      : await this.sessionPrincipal(credential);
    if (!principal) throw DomainError.unauthenticated('Token is invalid, expired or revoked');
    return principal;
  }

  private async sessionPrincipal(token: string): Promise<Principal | null> {
    const claims = await this.accessTokens.verify(token);
    if (!claims || !(await this.sessions.isCurrent(claims))) return null;
    return { userId: claims.userId, via: 'session', scopes: new Set(ALL_SCOPES) };
  }
}
