import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationsService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { OrganizationInput, OrganizationType, ProgramConnection } from './program.types.js';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Query(() => OrganizationType, { nullable: true, description: 'members only' })
  organization(@Viewer() viewer: Principal, @Args('slug') slug: string): Promise<OrganizationType> {
    return this.organizations.findBySlugForMember(viewer.userId, slug);
  }

  @Mutation(() => OrganizationType, { description: 'the creator becomes its first admin' })
  createOrganization(@Viewer() viewer: Principal, @Args('input') input: OrganizationInput): Promise<OrganizationType> {
    return this.organizations.create(viewer.userId, input);
  }

  @Mutation(() => OrganizationType)
  addOrganizationAdmin(
    @Viewer() viewer: Principal,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('email') email: string,
  ): Promise<OrganizationType> {
    return this.organizations.addAdmin(viewer.userId, organizationId, email);
  }

  @ResolveField(() => [UserType], { complexity: 10 })
  admins(@Parent() organization: OrganizationType): Promise<UserType[]> {
    return this.organizations.admins(organization.id);
  }

  @ResolveField(() => ProgramConnection, { complexity: 5 })
  async programs(
    @Viewer() viewer: Principal,
    @Parent() organization: OrganizationType,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ProgramConnection> {
    const page = await this.organizations.programs(viewer.userId, organization.id, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }
}
