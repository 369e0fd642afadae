import { describe, expect, it } from '@jest/globals';
import type { CustomOrigin } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import { loadConfig } from '#config';
import { corsOptions } from './cors-policy.js';

/** What the policy answers for a request from `origin`: `'*'`, `true` (echo it) or `false`. */
function answer(corsOrigins: readonly string[], origin: string | undefined): unknown {
  const decide = corsOptions({ corsOrigins }).origin as CustomOrigin;
  let decided: unknown;
  decide(origin, (error, allowed) => {
    expect(error).toBeNull();
    decided = allowed;
  });
  return decided;
}

describe(corsOptions.name, () => {
  const development = loadConfig({}).corsOrigins;

  it.each(['http://localhost:5173', 'http://localhost:3000', 'http://localhost', 'http://127.0.0.1:8080'])(
    'lets a front end on %s call outside production',
    (origin) => expect(answer(development, origin)).toBe(true),
  );

  it.each([
    'https://localhost:5173',
    'http://localhost.evil.example',
    'http://localhost:5173.evil.example',
    'http://127.0.0.1.nip.io:80',
    'https://desk.example.com',
    'null',
  ])('refuses %s outside production by default', (origin) => expect(answer(development, origin)).toBe(false));

  it('refuses every origin in production unless configured', () => {
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
    expect(answer(production.corsOrigins, 'http://localhost:5173')).toBe(false);
    expect(answer(production.corsOrigins, 'https://desk.example.com')).toBe(false);
  });

  it('allows exactly the configured origins', () => {
    const origins = ['https://desk.example.com', 'https://portal.example.com:8443'];
    expect(answer(origins, 'https://desk.example.com')).toBe(true);
    expect(answer(origins, 'https://portal.example.com:8443')).toBe(true);
    expect(answer(origins, 'https://portal.example.com')).toBe(false);
    expect(answer(origins, 'http://desk.example.com')).toBe(false);
    expect(answer(origins, 'https://desk.example.com.evil.example')).toBe(false);
  });

  it('answers * for any origin when configured so, without credentials', () => {
    expect(answer(['*'], 'https://anywhere.example')).toBe('*');
    expect(corsOptions({ corsOrigins: ['*'] }).credentials).toBe(false);
  });

  it('adds no CORS headers to requests without an Origin (same origin, curl, servers)', () => {
    expect(answer(['*'], undefined)).toBe(false);
  });

  it('allows GET and POST with the headers a front end sends', () => {
    const options = corsOptions({ corsOrigins: development });
    expect(options.methods).toEqual(['GET', 'POST']);
    expect(options.allowedHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-correlation-id', 'accept']),
    );
  });
});
