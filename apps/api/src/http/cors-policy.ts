import type { INestApplication } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { AppConfig } from '#config';

/** What a browser front end sends: its token, JSON bodies, a correlation id, content negotiation. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-correlation-id', 'accept'];

/** Browsers may skip the preflight of the same request for this long (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Which other origins a browser lets call the API. Tokens travel in the Authorization header,
 * never in cookies, so responses never allow credentials and `*` exposes nothing ambient. A
 * refused origin gets no CORS header at all, which the browser enforces.
 */
export function corsOptions(config: Pick<AppConfig, 'corsOrigins'>): CorsOptions {
  const { corsOrigins } = config;
  return {
    origin: (requestOrigin, callback) => callback(null, allowedOrigin(corsOrigins, requestOrigin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
  };
}

/** Applies the policy to an app before it listens; main.ts and the e2e test app both call it. */
export function applyCorsPolicy(app: INestApplication, config: AppConfig): void {
  app.enableCors(corsOptions(config));
}

/** `'*'` when any origin may call, `true` to echo this one back, `false` to refuse it. */
function allowedOrigin(patterns: readonly string[], requestOrigin: string | undefined): '*' | boolean {
  if (!requestOrigin) return false;
  if (patterns.includes('*')) return '*';
  return patterns.some((pattern) => matches(pattern, requestOrigin));
}

/** A pattern is an exact origin, or `scheme://host:*` for that host on any port. */
function matches(pattern: string, origin: string): boolean {
  if (!pattern.endsWith(':*')) return origin === pattern;
  const host = pattern.slice(0, -':*'.length);
  return origin === host || (origin.startsWith(`${host}:`) && /^[0-9]{1,5}$/.test(origin.slice(host.length + 1)));
}
