import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ApiError } from '../errors/api-error.js';
import { forbidden } from './forbidden.js';
import type { GraphQLContext } from './graphql-context.js';
import { InvalidTokenError } from './invalid-token.error.js';
import { rolesFor } from './operation-roles.js';
import { hasAnyRole } from './principal.js';

/**
 * Every GraphQL operation needs a verified caller, and the caller one of the roles the role
 * matrix (OPERATION_ROLES) gives the operation; an operation the matrix does not name is refused
 * to everyone. HTTP routes (health, metrics, alerts) check for themselves and pass.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const graphqlContext = GqlExecutionContext.create(context);
    const { principal, authFailure } = graphqlContext.getContext<GraphQLContext>();
    if (!principal) {
      const failure = authFailure ?? InvalidTokenError.missing();
      throw new ApiError('UNAUTHENTICATED', failure.message, { reason: failure.reason });
    }
    const { parentType, fieldName } = graphqlContext.getInfo<GraphQLResolveInfo>();
    const operation = `${parentType.name}.${fieldName}`;
    const roles = rolesFor(parentType.name, fieldName);
    if (!roles) throw forbidden(principal, operation, `No role may call ${operation}: it has no rule in the role matrix`);
    if (!hasAnyRole(principal, roles)) throw forbidden(principal, operation, `This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
