import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { authenticate } from '../auth/authenticate.js';
import { InvalidTokenError } from '../auth/invalid-token.error.js';
import { hasAnyRole, type Principal } from '../auth/principal.js';
import { TokenVerifier } from '../auth/token-verifier.js';
import { ApiError } from '../errors/api-error.js';
import { inputValidationPipe } from '../errors/validation-pipe.js';
import { OperationRateLimiter } from '../rate-limit/operation-rate-limiter.js';
import { ALERT_SENDERS, AlertCommands } from './alert-commands.js';
import { alertHttpError } from './alert-http-error.js';
import type { AlertPayload } from './alert-payload.type.js';
import { ClearAlertInput, RaiseAlertInput } from './alert.inputs.js';

const validation = inputValidationPipe();

/**
 * Alert intake for tools that cannot speak GraphQL: `POST /alerts` raises, `POST /alerts/clear`
 * clears, with the same fields, credentials (a service account's, as a bearer token), roles,
 * rate limits and semantics as raiseAlert and clearAlert. Answers 200 with the payload's fields,
 * or the status of the refusal with `{ errors: [{ message, extensions: { code } }] }`.
 */
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly rateLimiter: OperationRateLimiter,
    private readonly alerts: AlertCommands,
  ) {}

  @Post()
  @HttpCode(200)
  raise(@Headers('authorization') authorization: unknown, @Body() body: unknown, @Res() response: Response): Promise<void> {
    return this.answer(response, async () => {
      const principal = await this.admit(authorization);
      return this.alerts.raise(principal, await validated(RaiseAlertInput, body));
    });
  }

  @Post('clear')
  @HttpCode(200)
  clear(@Headers('authorization') authorization: unknown, @Body() body: unknown, @Res() response: Response): Promise<void> {
    return this.answer(response, async () => {
      const principal = await this.admit(authorization);
      return this.alerts.clear(principal, await validated(ClearAlertInput, body));
    });
  }

  private async admit(authorization: unknown): Promise<Principal> {
    const { principal, authFailure } = await authenticate(this.verifier, authorization);
    if (!principal) {
      const failure = authFailure ?? InvalidTokenError.missing();
      throw new ApiError('UNAUTHENTICATED', failure.message, { reason: failure.reason });
    }
    if (!hasAnyRole(principal, ALERT_SENDERS)) throw new ApiError('FORBIDDEN', `This needs one of the roles: ${ALERT_SENDERS.join(', ')}`);
    const limited = await this.rateLimiter.admit(principal, 1);
    if (limited) throw limited;
    return principal;
  }

  private async answer(response: Response, run: () => Promise<AlertPayload>): Promise<void> {
    try {
      response.status(200).json(await run());
    } catch (error) {
      const { status, headers, body } = alertHttpError(error);
      response.status(status).set(headers).json(body);
    }
  }
}

async function validated<T extends object>(type: new () => T, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('BAD_USER_INPUT', 'The body must be a JSON object of the alert fields');
  }
  return (await validation.transform(body, { type: 'body', metatype: type })) as T;
}
