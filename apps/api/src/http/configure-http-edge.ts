import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { bodyParserRefusal } from './body-parser-refusal.js';
import { answerClientError } from './client-error-refusal.js';
import { graphqlResponseMediaType } from './graphql-media-type.js';
import { httpRefusalBody, type HttpRefusal } from './http-refusal.js';

/**
 * Largest request body taken: the longest input (20,000 characters of notes) fits even when a
 * client escapes every character as \uXXXX, as Python's json module does by default.
 */
export const BODY_LIMIT_BYTES = 256 * 1024;

const logger = new Logger('HTTP');

/**
 * What happens to a request before GraphQL sees it: body parsing and its limits, and refusals
 * shaped like every other error (`{"errors":[{"message","extensions":{"code"}}]}`) for a body
 * too large, not JSON, in an unsupported charset or encoding, and for requests Node's HTTP
 * parser rejects (headers too large, not HTTP). Call before the app is initialised.
 */
export function configureHttpEdge(app: NestExpressApplication): void {
  // Registered here, Nest's own parsers (same kinds, default options) are not added at init, and
  // the form parser's failures, too, reach the refusal below.
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
  app.use(refuseUnreadableBody);
  (app.getHttpServer() as Server).on('clientError', answerClientError);
}

/**
 * Error middleware right after the parsers. What they refuse is the caller's doing and is not
 * logged; a failure of their own (5xx) is ours and is.
 */
function refuseUnreadableBody(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) {
    next(error);
    return;
  }
  let refusal = bodyParserRefusal(error, BODY_LIMIT_BYTES);
  if (!refusal) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    refusal = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
  }
  sendRefusal(request, response, refusal);
}

function sendRefusal(request: Request, response: Response, refusal: HttpRefusal): void {
  response
    .status(refusal.status)
    .type(graphqlResponseMediaType(request.headers.accept))
    .send(httpRefusalBody(refusal));
}
