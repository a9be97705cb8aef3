import type { Principal } from '@app/domain';
import { PerKeyLimit } from '@app/platform';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { callerKey } from '../rate-limit/caller-budget.js';
import { COST } from './cost.js';
import type { GqlContext } from './graphql-context.js';
import type { SocketContext } from './operation-gate.js';

/** How many dear fields (searches, recommendations, password hashes) of one caller run at once. */
export const DEAR_FIELDS_PER_CALLER = 2;

type AnyContext = Pick<GqlContext, 'principal'> & { reply?: GqlContext['reply']; request?: SocketContext['request'] };

async function callerOf(context: AnyContext): Promise<string> {
  // Bad credentials fail in the guard; until then the caller counts as anonymous, as for budgets.
  const principal: Principal | null = await context.principal().catch(() => null);
  return callerKey(principal, (context.reply?.request ?? context.request)?.ip ?? 'unknown');
}

/**
 * Makes every field weighing at least one search (its `complexity`) take a place among
 * its caller's DEAR_FIELDS_PER_CALLER before resolving. The cost limit bounds how many
 * such fields one request holds (98 aliased searches fit), but executed in parallel they
 * would take every connection of the pool, or every thread hashing passwords, and all
 * other callers would queue behind them. Here one caller's dear fields queue behind each
 * other instead. Resolved values are returned as they are; nested fields resolve after
 * the place is given back.
 */
export function limitDearFields(schema: GraphQLSchema, limit = new PerKeyLimit(DEAR_FIELDS_PER_CALLER)): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const weight = field.extensions.complexity;
      const resolve = field.resolve;
      if (typeof weight !== 'number' || weight < COST.search || !resolve) continue;
      const limited: GraphQLFieldResolver<unknown, AnyContext> = async (source, args, context, info) =>
        limit.run(await callerOf(context), () => resolve(source, args, context, info));
      field.resolve = limited;
    }
  }
  return schema;
}
