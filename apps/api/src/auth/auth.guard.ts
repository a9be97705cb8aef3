import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ApiScope } from '@app/domain';
import { DomainError } from '@app/platform';
import { OperationTypeNode, type GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { IGNORES_CREDENTIALS, IS_PUBLIC, REQUIRED_SCOPE } from './access.decorators.js';

/**
 * Global guard: every operation is private unless marked @Public(). API tokens are
 * limited by scope: mutations need WRITE, private reads READ_PRIVATE, public reads READ_PUBLIC
 * (the scopes nest, so a WRITE token passes everywhere).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false;
    if (context.getType<GqlContextType>() !== 'graphql') return isPublic;
    if (this.reflector.get<boolean | undefined>(IGNORES_CREDENTIALS, context.getHandler())) return true;

    const gql = GqlExecutionContext.create(context);
    const principal = await gql.getContext<GqlContext>().principal();
    if (!principal) {
      if (isPublic) return true;
      throw DomainError.unauthenticated();
    }
    const operation = gql.getInfo<GraphQLResolveInfo>().operation.operation;
    const required =
      this.reflector.get<ApiScope | undefined>(REQUIRED_SCOPE, context.getHandler()) ??
      (operation === OperationTypeNode.MUTATION
        ? ApiScope.WRITE
        : isPublic
          ? ApiScope.READ_PUBLIC
          : ApiScope.READ_PRIVATE);
    if (!principal.scopes.has(required)) {
      throw DomainError.forbidden(`This token lacks the ${required} scope`);
    }
    return true;
  }
}
