import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every resolver failure to GraphQL as it is, where formatGraphQLError codes it and logs
 * the unexpected ones; without this Nest logs even expected refusals as errors.
 */
@Catch()
export class GraphQLExceptionPassthrough implements GqlExceptionFilter {
  catch(exception: unknown): unknown {
    return exception;
  }
}
