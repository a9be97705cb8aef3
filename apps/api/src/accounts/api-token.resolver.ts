import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ApiScope, ApiTokenService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { ApiTokenPayload } from './account.types.js';

@Resolver()
export class ApiTokenResolver {
  constructor(private readonly apiTokens: ApiTokenService) {}

  @Mutation(() => ApiTokenPayload, {
    description: 'the secret is shown once; WRITE implies READ_PRIVATE, which implies READ_PUBLIC',
  })
  createApiToken(
    @Viewer() viewer: Principal,
    @Args('name') name: string,
    @Args('scopes', { type: () => [ApiScope] }) scopes: ApiScope[],
    @Args('expiresInDays', { type: () => Int, nullable: true, description: '1..365; null: never expires' })
    expiresInDays: number | null,
  ): Promise<ApiTokenPayload> {
    return this.apiTokens.create(viewer, name, scopes, expiresInDays);
  }

  @Mutation(() => Boolean)
  revokeApiToken(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.apiTokens.revoke(viewer, id);
  }
}
