import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface ComplexityLimits {
  maxDepth: number;
  maxCost: number;
}

const MAX_LIST = 100;

/** The page size a field asks for: its `first` argument, a variable, or the schema default. */
function listMultiplier(
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
): number {
  const firstArg = field.args.find((arg) => arg.name === 'first');
  if (!firstArg) return 1;
  const given = args.find((arg) => arg.name.value === 'first')?.value;
  let value: unknown = firstArg.defaultValue;
  if (given?.kind === Kind.INT) value = Number(given.value);
  if (given?.kind === Kind.VARIABLE) value = variables[given.name.value] ?? firstArg.defaultValue;
  return typeof value === 'number' && value > 0 ? Math.min(value, MAX_LIST) : 1;
}

/** A field of a type, including the introspection fields graphql-js keeps out of getFields(). */
function fieldDefinition(
  parent: GraphQLCompositeType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/**
 * Depth and estimated cost of the operation that will run. Cost counts one per
 * field, multiplied by the page size of every enclosing list, so `first: 100`
 * inside `first: 100` is priced as the 10,000 rows it can return. Variables are
 * known here (unlike in a cached validation rule), so the real page sizes count.
 * Every operation in the document is measured and the worst one counts.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): { depth: number; cost: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const measure = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    depth: number,
    visiting: ReadonlySet<string>,
  ): { cost: number; depth: number } => {
    let cost = 0;
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += 1;
        if (!selection.selectionSet) continue;
        const field = fieldDefinition(parent, selection.name.value);
        const child = field ? getNamedType(field.type) : undefined;
        // Unknown fields fail validation anyway; their nesting still counts towards depth.
        const inner = measure(
          selection.selectionSet,
          child && isCompositeType(child) ? child : undefined,
          depth + 1,
          visiting,
        );
        cost += (field ? listMultiplier(field, selection.arguments ?? [], variables) : 1) * inner.cost;
        deepest = Math.max(deepest, inner.depth);
        continue;
      }
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
      const fragment = name ? fragments.get(name) : selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined;
      if (!fragment || (name && visiting.has(name))) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!condition || !isCompositeType(condition)) continue;
      const inner = measure(fragment.selectionSet, condition, depth, name ? new Set([...visiting, name]) : visiting);
      cost += inner.cost;
      deepest = Math.max(deepest, inner.depth);
    }
    return { cost, depth: deepest };
  };

  let worst = { depth: 0, cost: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (!root) continue;
    const measured = measure(definition.selectionSet, root, 1, new Set());
    worst = { depth: Math.max(worst.depth, measured.depth), cost: Math.max(worst.cost, measured.cost) };
  }
  return worst;
}

/** The QUERY_TOO_COMPLEX error for an operation over the limits, or null when it may run. */
export function complexityError(
  measured: { depth: number; cost: number },
  limits: ComplexityLimits,
): GraphQLError | null {
  const tooComplex = (message: string): GraphQLError =>
    new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...measured } });
  if (measured.depth > limits.maxDepth) {
    return tooComplex(`Query depth ${measured.depth} exceeds the limit of ${limits.maxDepth}`);
  }
  if (measured.cost > limits.maxCost) {
    return tooComplex(`Query cost ${measured.cost} exceeds the limit of ${limits.maxCost}`);
  }
  return null;
}

/** Thrown from a Mercurius hook: Mercurius unwraps `errors` and answers with `statusCode`. */
export class RejectedOperation extends Error {
  readonly statusCode = 400;
  constructor(readonly errors: GraphQLError[]) {
    super(errors[0]?.message ?? 'operation rejected');
  }
}
