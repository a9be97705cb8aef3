import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService, ApiScope, ApiTokenService, privateReaderId, type Principal } from '@app/domain';
import { Public, RequireScope } from '../auth/access.decorators.js';
import { OptionalViewer, UserFieldViewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { ApiTokenConnection, UserType } from './account.types.js';

@Resolver(() => UserType)
export class UserResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: ApiTokenService,
  ) {}

  @Public()
  @RequireScope(ApiScope.READ_PRIVATE)
  @Query(() => UserType, { nullable: true, description: 'null when not signed in' })
  async me(@OptionalViewer() viewer: Principal | null): Promise<UserType | null> {
    if (!viewer) return null;
    return this.accounts.findById(viewer.userId);
  }

  @ResolveField(() => String, { nullable: true, description: 'only to the user themself' })
  email(@Parent() user: UserType, @UserFieldViewer() viewer: Principal | null): string | null {
    return privateReaderId(viewer) === user.id ? user.email : null;
  }

  @ResolveField(() => ApiTokenConnection, { description: 'only to the user themself (NOT_FOUND to anyone else)' })
  async apiTokens(
    @Parent() user: UserType,
    @UserFieldViewer() viewer: Principal | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ApiTokenConnection> {
    const page = await this.tokens.list(viewer, user.id, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }
}
