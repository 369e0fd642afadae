import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '#config';
import { applyCorsPolicy } from './cors-policy.js';
import { configureHttpEdge } from './configure-http-edge.js';
import { applySecurityHeaders } from './security-headers.js';

/** The HTTP side of the API, the same for `npm start` and the tests; call before `listen`. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  applySecurityHeaders(app);
  // CORS first, so refusals made while reading the body still reach a browser page.
  applyCorsPolicy(app, config);
  configureHttpEdge(app);
}
