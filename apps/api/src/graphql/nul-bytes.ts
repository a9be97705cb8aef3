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

/**
 * PostgreSQL text cannot hold U+0000, so such a string would fail deep in SQL as an
 * internal error. It is refused here, once, for every argument of every operation.
 */
export function nulByteError(document: DocumentNode, variables: Record<string, unknown>): GraphQLError | null {
  const field = nulPath(variables, '');
  let literal = false;
  if (!field) {
    visit(document, {
      StringValue(node) {
        if (node.value.includes('\u0000')) literal = true;
      },
    });
  }
  if (!field && !literal) return null;
  return new GraphQLError('Text must not contain the NUL character (U+0000)', {
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
  });
}
