import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/domain';
import { CONFIG, ErrorCode, type Config } from '@app/platform';
import type { FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { CallerBudget } from '../rate-limit/caller-budget.js';
import { complexityError, RejectedOperation, type ComplexityLimits } from './complexity.js';
import { COST } from './cost.js';
import { DocumentPricing } from './document-pricing.js';
import type { GqlContext } from './graphql-context.js';

/** What Mercurius adds to our context over HTTP: a batch's operations each get their own copy. */
type HttpContext = GqlContext & { operationId?: number };

/** A graphql-ws socket's context: the upgrade request, and the ids of its live subscriptions. */
export interface SocketContext {
  request: FastifyRequest;
  principal: () => Promise<Principal | null>;
  subscriptions: Set<string>;
}

type Params = { operationName?: unknown } | undefined;

/** The operation name the client asked to run: per operation of a batch, from the body or the query string. */
function requestedOperationName(context: HttpContext): string | undefined {
  const request = context.reply.request;
  const body = request.body as Params | Params[];
  const params = Array.isArray(body) ? body[context.operationId ?? 0] : (body ?? (request.query as Params));
  return typeof params?.operationName === 'string' ? params.operationName : undefined;
}

async function principalOrNull(principal: () => Promise<Principal | null>): Promise<Principal | null> {
  // Bad credentials fail in the guard with UNAUTHENTICATED; until then the caller counts as anonymous.
  return principal().catch(() => null);
}

const badInputError = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

/**
 * Every operation passes here before it runs, over HTTP and over graphql-ws alike: NUL
 * bytes, depth and cost, then the caller's budget pays the cost (a cheap read meanwhile). Over HTTP the operations
 * of a batch share one cost limit; over graphql-ws, where Mercurius skips validation,
 * the document is validated here and a socket holds a bounded number of subscriptions.
 */
@Injectable()
export class OperationGate {
  private readonly limits: ComplexityLimits;
  private readonly pricing: DocumentPricing;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly budget: CallerBudget,
  ) {
    this.limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxCost: config.GRAPHQL_MAX_COST };
    this.pricing = new DocumentPricing(this.limits);
  }

  /** Mercurius `preExecution`: after parsing, validation and variable coercion, before execution. */
  async admitHttp(
    schema: GraphQLSchema,
    document: DocumentNode,
    context: HttpContext,
    variables: Record<string, unknown>,
  ): Promise<void> {
    const operation = getOperationAST(document, requestedOperationName(context));
    if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      throw new RejectedOperation([
        badInputError('Subscriptions need graphql-ws: open a WebSocket to /graphql (graphql-transport-ws protocol)'),
      ]);
    }
    this.pricing.refuseNul(document, variables);
    const cost = this.pricing.cost(schema, document, variables);
    // A batch's operations each get a copy of the request's context, inheriting its one `batch`.
    context.batch.cost += cost;
    const batch = complexityError({ depth: 0, cost: context.batch.cost }, this.limits, 'Batch');
    if (batch) throw new RejectedOperation([batch]);
    const spend = this.budget.spend(await principalOrNull(context.principal), context.reply.request.ip, cost);
    context.rateLimit = spend;
    if (operation?.operation === OperationTypeNode.QUERY && cost < COST.search) {
      // A read cheaper than one search runs during the Redis round trip instead of after
      // it; `settle` holds its answer until the spend is known. Handled here so a refusal
      // is never an unhandled rejection, whatever becomes of the execution.
      spend.catch(() => undefined);
      return;
    }
    await spend;
  }

  /**
   * Mercurius `onResolution`: an operation's answer leaves only once its points are spent.
   * A refused read's result is dropped and the refusal answered instead, exactly as if it
   * had been refused before running (RATE_LIMITED, 429, Retry-After).
   */
  async settle(context: HttpContext): Promise<void> {
    await context.rateLimit;
  }

  /**
   * Mercurius `preSubscriptionExecution`: the whole check, as graphql-ws gets none of it.
   * Mercurius sends a socket only the message of a plain error, so GraphQLErrors are
   * thrown as they are, to keep their `extensions.code`.
   */
  async admitSubscription(
    schema: GraphQLSchema,
    document: DocumentNode,
    context: SocketContext,
    id: string,
  ): Promise<void> {
    const max = this.config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET;
    if (!context.subscriptions.has(id) && context.subscriptions.size >= max) {
      throw badInputError(`A socket may hold at most ${max} subscriptions; complete one first`);
    }
    // Taken at once: subscriptions of one socket are admitted concurrently.
    context.subscriptions.add(id);
    try {
      // Mercurius hands this hook no variables: the document's own literals are checked for NUL
      // bytes, and no subscription field takes a string argument a variable could carry one in.
      this.pricing.refuseNul(document, {});
      const [invalid] = validate(schema, document);
      if (invalid) throw invalid;
      const cost = this.pricing.cost(schema, document, {});
      await this.budget.spend(await principalOrNull(context.principal), context.request.ip, cost);
    } catch (error) {
      context.subscriptions.delete(id);
      throw error instanceof RejectedOperation ? error.errors[0] : error;
    }
  }

  /** Mercurius `onSubscriptionEnd`: the client completed it. */
  release(context: SocketContext, id: string): void {
    context.subscriptions.delete(id);
  }
}
