import { GraphQLError, visit, type DocumentNode } from 'graphql';

/** Where a value holds U+0000, as a client would name it (`input.goals[0].title`), or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

const nulError = (field?: string): GraphQLError =>
  new GraphQLError('Text must not contain the NUL character (U+0000)', {
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
  });

/**
 * PostgreSQL text cannot hold U+0000, so such a string would fail deep in SQL as an
 * internal error. It is refused before any operation runs, in the document's own string
 * literals (this depends on the text alone, so it is worked out once per document) …
 */
export function nulLiteralError(document: DocumentNode): GraphQLError | null {
  let literal = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) literal = true;
    },
  });
  return literal ? nulError() : null;
}

/** … and in the variables, naming where (`input.goals[0].title`). */
export function nulVariableError(variables: Record<string, unknown>): GraphQLError | null {
  const field = nulPath(variables, '');
  return field === null ? null : nulError(field);
}
