import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { ApiScope } from '@app/domain';

export const IS_PUBLIC = 'auth:public';
export const IGNORES_CREDENTIALS = 'auth:ignores-credentials';
export const REQUIRED_SCOPE = 'auth:scope';

/** Anyone may call it, signed in or not. Every other operation requires a principal. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Public, and the Authorization header is not even read: signing in or refreshing must
 * work while a client still sends the access token that just expired or was ended.
 */
export const IgnoresCredentials = (): MethodDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(IGNORES_CREDENTIALS, true));

/** Overrides the scope an operation needs (mutations need WRITE, private reads READ_PRIVATE). */
export const RequireScope = (scope: ApiScope): MethodDecorator => SetMetadata(REQUIRED_SCOPE, scope);
