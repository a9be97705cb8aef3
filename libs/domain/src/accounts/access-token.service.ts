import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG, SystemSecrets, type Config } from '@app/platform';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'mentorbridge';
const AUDIENCE = 'mentorbridge-api';
const GENERATED_SECRET = 'access-token-hs256';

export interface AccessClaims {
  userId: string;
  /** The auth session the token belongs to; ending the session refuses the token. */
  sessionId: string;
}

/**
 * Short-lived signed access tokens. The signature and expiry are checked without I/O;
 * whether the named session is still live is the authenticator's one lookup.
 */
@Injectable()
export class AccessTokenService implements OnModuleInit {
  private key: Uint8Array | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly secrets: SystemSecrets,
  ) {}

  /** No secret ships with the code: without JWT_SECRET (refused in production) one is made and shared via the database. */
  async onModuleInit(): Promise<void> {
    const secret = this.config.JWT_SECRET ?? (await this.secrets.obtain(GENERATED_SECRET));
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: AccessClaims): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(this.signingKey());
  }

  /** The claims inside a valid token, or null for anything expired, forged or malformed. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.signingKey(), {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return typeof payload.sub === 'string' && typeof payload.sid === 'string'
        ? { userId: payload.sub, sessionId: payload.sid }
        : null;
    } catch {
      return null;
    }
  }

  private signingKey(): Uint8Array {
    if (!this.key) throw new Error('access token key is not loaded yet');
    return this.key;
  }
}
