import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { explorerContentPolicy } from './explorer-content-policy.js';
import { explorerPage } from './explorer-page.js';

/** What GET /graphql can answer, in the order that wins when a client likes them equally. */
const GRAPHQL_GET_ANSWERS = ['application/graphql-response+json', 'application/json', 'text/html'];

/**
 * A browser opening GET /graphql (Accept prefers text/html) gets the explorer; every other GET
 * (JSON clients, curl's accept-anything, no Accept at all) goes on to GraphQL over HTTP unchanged.
 */
@Injectable()
export class ExplorerMiddleware implements NestMiddleware<Request, Response> {
  use(request: Request, response: Response, next: NextFunction): void {
    if (request.accepts(GRAPHQL_GET_ANSWERS) !== 'text/html') {
      next();
      return;
    }
    explorerContentPolicy(request, response, (error?: unknown) => {
      if (error) next(error);
      else explorerPage().then((html) => response.type('html').send(html), next);
    });
  }
}
