import { Logger } from '@nestjs/common';
import { ApiError } from '../errors/api-error.js';
import type { Principal } from './principal.js';

const logger = new Logger('Authorisation');

/**
 * A FORBIDDEN refusal, logged as one warn line naming who asked for what (subject and tenant
 * quoted, as they come from tokens), so probing shows in the log without a stack per refusal.
 */
export function forbidden(principal: Principal, operation: string, message: string): ApiError {
  logger.warn(
    `FORBIDDEN ${operation} subject=${JSON.stringify(principal.subject)} tenant=${JSON.stringify(principal.tenant)} ` +
      `roles=${principal.roles.join(',')}`,
  );
  return new ApiError('FORBIDDEN', message);
}
