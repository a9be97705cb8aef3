import { DomainError, ErrorCode } from '@app/platform';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

function domainErrorIn(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * graphql-js names the input path only in its message for variable coercion errors
 * ('Variable "$input" got invalid value … at "input.timeZone"'); lift it into `field`.
 */
function coercionField(message: string): string | undefined {
  const match = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"/s.exec(message);
  if (match) return match[2];
  return /^Variable "\$([^"]+)"/.exec(message)?.[1];
}

function formatted(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLFormattedError {
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/**
 * Mercurius reports validation failures as one error wrapping a list (`originalError.errors`);
 * flatten them so each is formatted on its own.
 */
export function flattenErrors(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    if (!Array.isArray(inner)) return [error];
    return inner.map((item: unknown) =>
      item instanceof GraphQLError
        ? item
        : new GraphQLError(String((item as Error).message), { originalError: item as Error }),
    );
  });
}

function clientHttpStatus(error: GraphQLError): boolean {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** graphql-js's syntax errors, which Mercurius hands over like validation errors. */
const SYNTAX_ERROR = /^Syntax Error: /;
/** Variable coercion failures (the variables, not the document, are wrong). */
const COERCION_ERROR = /^Variable "\$[^"]+" (?:got invalid value|of required type|of non-null type)/;

/** The request itself failed before anything ran: the HTTP body could not be read. */
export function isHttpFailure(error: GraphQLError): boolean {
  return clientHttpStatus(error) && !(error.originalError instanceof GraphQLError);
}

/**
 * The code of an error graphql-js raised about the document or its variables, as Apollo
 * names them: a document that does not parse, one that fails validation, or variables
 * that do not coerce (bad input, with the field named).
 */
function documentErrorCode(error: GraphQLError): string {
  if (SYNTAX_ERROR.test(error.message)) return 'GRAPHQL_PARSE_FAILED';
  if (COERCION_ERROR.test(error.message) || error.originalError) return ErrorCode.BAD_USER_INPUT;
  return 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * Maps every error to the public contract: client-caused failures keep their message
 * and carry `extensions.code`; anything else is logged and reaches the client as an
 * opaque INTERNAL_SERVER_ERROR with the request id to quote.
 */
export function formatGraphQLError(error: GraphQLError, requestId: string, logger: Logger): GraphQLFormattedError {
  const domain = domainErrorIn(error);
  if (domain) {
    return formatted(error, domain.message, {
      code: domain.code,
      ...(domain.field ? { field: domain.field } : {}),
      ...domain.details,
    });
  }
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
  if (code && CLIENT_CODES.has(code)) {
    const field =
      code === ErrorCode.BAD_USER_INPUT ? (error.extensions.field ?? coercionField(error.message)) : undefined;
    return formatted(error, error.message, { ...error.extensions, code, ...(field ? { field } : {}) });
  }
  if (isHttpFailure(error)) {
    return formatted(error, error.message, { code: ErrorCode.BAD_USER_INPUT });
  }
  if (!error.originalError || error.originalError instanceof GraphQLError) {
    // The document or its variables (an unknown enum value wraps the enum's own GraphQLError).
    const documentCode = documentErrorCode(error);
    const field = documentCode === ErrorCode.BAD_USER_INPUT ? coercionField(error.message) : undefined;
    return formatted(error, error.message, { code: documentCode, ...(field ? { field } : {}) });
  }
  logger.error({ requestId, err: error.originalError, path: error.path }, 'unhandled error in resolver');
  return formatted(error, `Internal server error; quote request id ${requestId}`, {
    code: 'INTERNAL_SERVER_ERROR',
    requestId,
  });
}
