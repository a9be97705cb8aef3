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
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface ComplexityLimits {
  maxDepth: number;
  maxCost: number;
}

export interface Measured {
  depth: number;
  cost: number;
}

export interface Pricing {
  measured: Measured;
  /** Whether a page size came from a variable: if not, the figures hold for every request of this document. */
  readsVariables: boolean;
}

const MAX_LIST = 100;

/** The page size a field asks for: its `first` argument, a variable, or the schema default. */
function listMultiplier(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variable: (name: string) => unknown,
): number {
  const firstArg = field.args.find((arg) => arg.name === 'first');
  if (!firstArg) return 1;
  const given = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
  let value: unknown = firstArg.defaultValue;
  if (given?.kind === Kind.INT) value = Number(given.value);
  if (given?.kind === Kind.VARIABLE) value = variable(given.name.value) ?? firstArg.defaultValue;
  return typeof value === 'number' && value > 0 ? Math.min(value, MAX_LIST) : 1;
}

/** A field's own weight: `complexity` of @Field/@Query/@Mutation (kept in `extensions`), else 1. */
function ownWeight(field: GraphQLField<unknown, unknown> | undefined): number {
  const declared = field?.extensions.complexity;
  return typeof declared === 'number' && declared >= 0 ? declared : 1;
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

/** Unwinds the walk the moment a limit is passed: the rest cannot bring the figures back down. */
class LimitPassed extends Error {
  constructor(readonly measured: Measured) {
    super('limit passed');
  }
}

/**
 * Depth and estimated cost of an operation, as GitHub prices its GraphQL API: each field
 * weighs 1 unless it declares more (search, password hashing), and the selection under a
 * field is multiplied by the page size it asks for, so `first: 100` inside `first: 100` is
 * priced as the 10,000 rows it can return. Aliases are fields like any other, so a
 * thousand aliased searches cost a thousand searches. Variables are known here, so the
 * real page sizes count.
 *
 * Each named fragment is measured once (its type is fixed by its type condition) and
 * reused at every spread, so the walk is linear in the size of the document; it stops as
 * soon as a limit is passed, returning figures that are then lower bounds. Every
 * operation in the document is measured and the worst one counts.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: ComplexityLimits,
): Pricing {
  let readsVariables = false;
  const variable = (name: string): unknown => {
    readsVariables = true;
    return variables[name];
  };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment's cost and how many levels it adds below its spread.
  const measuredFragments = new Map<string, Measured>();
  const inProgress = new Set<string>();

  const stopIfOver = (cost: number, depth: number): void => {
    // Multipliers are at least 1: no enclosing selection can cost less than this one.
    if (cost > limits.maxCost || depth > limits.maxDepth) throw new LimitPassed({ cost, depth });
  };

  const fragmentFigures = (name: string, depth: number): Measured | undefined => {
    const known = measuredFragments.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // A cycle or an unknown fragment fails validation; it adds nothing here.
    if (!fragment || inProgress.has(name)) return undefined;
    const condition = schema.getType(fragment.typeCondition.name.value);
    if (!condition || !isCompositeType(condition)) return undefined;
    inProgress.add(name);
    const inner = measure(fragment.selectionSet, condition, depth);
    inProgress.delete(name);
    const figures = { cost: inner.cost, depth: inner.depth - depth };
    measuredFragments.set(name, figures);
    return figures;
  };

  const measure = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    depth: number,
  ): Measured => {
    let cost = 0;
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(parent, selection.name.value);
        cost += ownWeight(field);
        if (selection.selectionSet) {
          const child = field ? getNamedType(field.type) : undefined;
          // Unknown fields fail validation anyway; their nesting still counts towards depth.
          const inner = measure(selection.selectionSet, child && isCompositeType(child) ? child : undefined, depth + 1);
          cost += (field ? listMultiplier(field, selection, variable) : 1) * inner.cost;
          deepest = Math.max(deepest, inner.depth);
        }
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const figures = fragmentFigures(selection.name.value, depth);
        if (!figures) continue;
        cost += figures.cost;
        deepest = Math.max(deepest, depth + figures.depth);
      } else {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!condition || !isCompositeType(condition)) continue;
        const inner = measure(selection.selectionSet, condition, depth);
        cost += inner.cost;
        deepest = Math.max(deepest, inner.depth);
      }
      stopIfOver(cost, deepest);
    }
    return { cost, depth: deepest };
  };

  let worst: Measured = { depth: 0, cost: 0 };
  try {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = schema.getRootType(definition.operation);
      if (!root) continue;
      const measured = measure(definition.selectionSet, root, 1);
      worst = { depth: Math.max(worst.depth, measured.depth), cost: Math.max(worst.cost, measured.cost) };
    }
  } catch (error) {
    if (error instanceof LimitPassed) return { measured: error.measured, readsVariables };
    throw error;
  }
  return { measured: worst, readsVariables };
}

/** The QUERY_TOO_COMPLEX error for figures over the limits, or null when they are within. */
export function complexityError(measured: Measured, limits: ComplexityLimits, what = 'Query'): GraphQLError | null {
  const tooComplex = (message: string): GraphQLError =>
    new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...measured } });
  if (measured.depth > limits.maxDepth) {
    return tooComplex(`${what} depth ${measured.depth} exceeds the limit of ${limits.maxDepth}`);
  }
  if (measured.cost > limits.maxCost) {
    return tooComplex(`${what} cost ${measured.cost} exceeds the limit of ${limits.maxCost}`);
  }
  return null;
}

/** Thrown from a Mercurius hook: Mercurius unwraps `errors` and answers with `statusCode`. */
export class RejectedOperation extends Error {
  constructor(
    readonly errors: readonly GraphQLError[],
    readonly statusCode = 400,
  ) {
    super(errors[0]?.message ?? 'operation rejected');
  }
}
