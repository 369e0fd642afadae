import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * Security headers on every response (helmet). The API answers JSON only, so its content policy
 * allows nothing to load, run or frame it; the development explorer sets its own (see
 * explorer-content-policy.ts).
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      },
    }),
  );
}
