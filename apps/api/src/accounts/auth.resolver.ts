import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AccountsService, type Session } from '@app/domain';
import { Public } from '../auth/access.decorators.js';
import { AuthPayload, SignUpInput } from './account.types.js';
import { COST } from '../graphql/cost.js';

function toPayload(session: Session): AuthPayload {
  return { ...session, user: { ...session.user, isSelf: true } };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Mutation(() => AuthPayload, { complexity: COST.passwordHash })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return toPayload(await this.accounts.signUp(input));
  }

  @Public()
  @Mutation(() => AuthPayload, { complexity: COST.passwordHash })
  async signIn(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return toPayload(await this.accounts.signIn(email, password));
  }

  @Public()
  @Mutation(() => AuthPayload, { complexity: COST.tokenRotation })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return toPayload(await this.accounts.refresh(refreshToken));
  }
}
