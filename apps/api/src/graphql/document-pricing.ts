import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import {
  complexityError,
  measureOperation,
  RejectedOperation,
  type ComplexityLimits,
  type Measured,
} from './complexity.js';
import { nulLiteralError, nulVariableError } from './nul-bytes.js';

/** What a document's text decides alone: its literals' NUL check, and its figures unless page sizes are variables. */
interface Known {
  nulLiteral: GraphQLError | null;
  measured?: Measured;
}

/**
 * Prices operations for the gate, walking each document once. Mercurius parses a query
 * text once and hands every request of that text the same DocumentNode, so what depends
 * on the text alone is kept per DocumentNode (weakly: it goes when Mercurius's cache
 * drops the document). A document whose page sizes come from variables is measured
 * again for every request, still in one linear walk.
 */
export class DocumentPricing {
  private readonly known = new WeakMap<DocumentNode, Known>();

  constructor(private readonly limits: ComplexityLimits) {}

  /** Refuses a NUL byte in the document's literals or in the variables (RejectedOperation). */
  refuseNul(document: DocumentNode, variables: Record<string, unknown>): void {
    const nul = nulVariableError(variables) ?? this.knownOf(document).nulLiteral;
    if (nul) throw new RejectedOperation([nul]);
  }

  /** The operation's cost; throws RejectedOperation when its figures pass the limits. */
  cost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
    const known = this.knownOf(document);
    let measured = known.measured;
    if (!measured) {
      const pricing = measureOperation(schema, document, variables, this.limits);
      measured = pricing.measured;
      if (!pricing.readsVariables) known.measured = measured;
    }
    const tooComplex = complexityError(measured, this.limits);
    if (tooComplex) throw new RejectedOperation([tooComplex]);
    return measured.cost;
  }

  private knownOf(document: DocumentNode): Known {
    let known = this.known.get(document);
    if (!known) {
      known = { nulLiteral: nulLiteralError(document) };
      this.known.set(document, known);
    }
    return known;
  }
}
