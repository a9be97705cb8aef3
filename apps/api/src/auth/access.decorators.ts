import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from '@app/domain';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_SCOPE = 'auth:scope';

/** Anyone may call it, signed in or not. Every other operation requires a principal. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Overrides the scope an operation needs (mutations need WRITE, private reads READ_PRIVATE). */
export const RequireScope = (scope: ApiScope): MethodDecorator => SetMetadata(REQUIRED_SCOPE, scope);
