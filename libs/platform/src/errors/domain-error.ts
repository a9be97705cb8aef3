/** The failure codes a client can see, as listed under "Rules the code keeps" in docs/architecture.md. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

import { IntrinsicException } from '@nestjs/common';

/**
 * A failure the client caused and may be told about. Anything else thrown is
 * internal and reaches the client only as an id to quote. Extends Nest's
 * IntrinsicException so Nest does not log an expected refusal as an error.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, field, details);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static conflict(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, undefined, details);
  }

  static unauthenticated(message = 'Sign in required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
}
