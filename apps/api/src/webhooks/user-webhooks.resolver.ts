import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiScope, WebhooksService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { OptionalViewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { WebhookConnection } from './webhook.types.js';

const NOBODY_ELSES: WebhookConnection = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

@Resolver(() => UserType)
export class UserWebhooksResolver {
  constructor(private readonly registry: WebhooksService) {}

  @ResolveField(() => WebhookConnection, { description: 'only to the user themself; empty for anyone else' })
  async webhooks(
    @Parent() user: UserType,
    @OptionalViewer() viewer: Principal | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WebhookConnection> {
    // A field resolver escapes the guard's scope check: a public path to one's own User must not reveal them.
    if (!viewer || viewer.userId !== user.id || !viewer.scopes.has(ApiScope.READ_PRIVATE)) return NOBODY_ELSES;
    const page = await this.registry.list(viewer.userId, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }
}
