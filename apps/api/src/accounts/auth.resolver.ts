import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AccountsService, SessionsService, type Principal, type Session } from '@app/domain';
import { IgnoresCredentials } from '../auth/access.decorators.js';
import { ClientIp } from '../auth/client-ip.decorator.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { AuthPayload, SignUpInput } from './account.types.js';
import { COST } from '../graphql/cost.js';

function toPayload(session: Session): AuthPayload {
  return { ...session, user: { ...session.user, isSelf: true } };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @IgnoresCredentials()
  @Mutation(() => AuthPayload, { complexity: COST.passwordHash })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return toPayload(await this.accounts.signUp(input));
  }

  @IgnoresCredentials()
  @Mutation(() => AuthPayload, { complexity: COST.passwordHash })
  async signIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @ClientIp() clientIp: string,
  ): Promise<AuthPayload> {
    return toPayload(await this.accounts.signIn(email, password, clientIp));
  }

  @IgnoresCredentials()
  @Mutation(() => AuthPayload, { complexity: COST.tokenRotation })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return toPayload(await this.sessions.refresh(refreshToken));
  }

  @IgnoresCredentials()
  @Mutation(() => Boolean, {
    description: 'ends this session (its refresh-token family); false when it had already ended',
  })
  signOut(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.sessions.signOut(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'every session; access tokens issued before are refused' })
  signOutEverywhere(@Viewer() viewer: Principal): Promise<boolean> {
    return this.sessions.signOutEverywhere(viewer);
  }

  @Mutation(() => AuthPayload, {
    description: 'every other session ends; the returned one is the only one left',
    // Verifies the current password and hashes the new one: two hashes.
    complexity: COST.passwordHash * 2,
  })
  async changePassword(
    @Viewer() viewer: Principal,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @ClientIp() clientIp: string,
  ): Promise<AuthPayload> {
    return toPayload(await this.accounts.changePassword(viewer, currentPassword, newPassword, clientIp));
  }
}
