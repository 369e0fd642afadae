import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiError } from '../errors/api-error.js';
import type { GraphQLContext } from './graphql-context.js';
import { InvalidTokenError } from './invalid-token.error.js';
import { hasAnyRole, type Role } from './principal.js';
import { ROLES_KEY } from './roles.decorator.js';

/**
 * Every GraphQL operation needs a verified caller, and the caller one of the roles its resolver
 * names. HTTP routes (health, metrics) are public and pass.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const { principal, authFailure } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (!principal) {
      const failure = authFailure ?? InvalidTokenError.missing();
      throw new ApiError('UNAUTHENTICATED', failure.message, { reason: failure.reason });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !hasAnyRole(principal, roles)) {
      throw new ApiError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
