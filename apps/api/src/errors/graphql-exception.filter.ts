import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { formatGraphQLError } from './format-graphql-error.js';

/** The HTTP status of a refusal on a plain HTTP route (the calendar feed), by its code. */
const HTTP_STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  CONSISTENCY_TIMEOUT: 503,
};

/**
 * Hands every resolver failure to GraphQL as it is, where formatGraphQLError codes it and logs
 * the unexpected ones; without this Nest logs even expected refusals as errors. A failure on a
 * plain HTTP route is answered in the same shape (`errors[].extensions.code`), coded the same way.
 */
@Catch()
export class GraphQLExceptionPassthrough implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      // Nest's own (no such route, and the like): its status, our shape.
      const code = exception.getStatus() === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      response.status(exception.getStatus()).json({ errors: [{ message: exception.message, extensions: { code } }] });
      return undefined;
    }
    const error = formatGraphQLError({ message: '' }, exception);
    const code = String(error.extensions?.['code']);
    response.status(HTTP_STATUS[code] ?? 500).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    return undefined;
  }
}
