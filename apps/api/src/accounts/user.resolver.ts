import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService, ApiScope, type Principal } from '@app/domain';
import { Public, RequireScope } from '../auth/access.decorators.js';
import { OptionalViewer } from '../auth/viewer.decorator.js';
import { UserType } from './account.types.js';

@Resolver(() => UserType)
export class UserResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @RequireScope(ApiScope.READ_PRIVATE)
  @Query(() => UserType, { nullable: true, description: 'null when not signed in' })
  async me(@OptionalViewer() viewer: Principal | null): Promise<UserType | null> {
    if (!viewer) return null;
    return this.accounts.findById(viewer.userId);
  }

  @ResolveField(() => String, { nullable: true })
  email(@Parent() user: UserType, @OptionalViewer() viewer: Principal | null): string | null {
    const self = user.isSelf === true || (viewer?.userId === user.id && viewer.scopes.has(ApiScope.READ_PRIVATE));
    return self ? user.email : null;
  }
}
