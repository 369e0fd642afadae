import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment } from './environment.js';

export type EventStoreConfig =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export type ReadModelConfig = { readonly kind: 'embedded' } | { readonly kind: 'postgres'; readonly url: string };

export type AuthConfig =
  | { readonly kind: 'secret'; readonly secret: string; readonly issuer?: string; readonly audience?: string }
  | { readonly kind: 'jwks'; readonly jwksUrl: string; readonly issuer?: string; readonly audience?: string }
  /** No secret given outside production: one is made and kept in DATA_DIR for local use. */
  | { readonly kind: 'development'; readonly issuer?: string; readonly audience?: string };

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore: EventStoreConfig;
  readonly readModel: ReadModelConfig;
  readonly auth: AuthConfig;
  readonly runProjector: boolean;
  /** Days after which a RESOLVED incident closes by itself (ServiceNow's default is 7). */
  readonly incidentAutoCloseDays: number;
  /** How long a read waits for read models to reach its `consistentWith` position. */
  readonly consistencyTimeoutMs: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** `json`: one JSON object a line, for log collectors. */
  readonly logFormat: 'text' | 'json';
  readonly production: boolean;
  /**
   * Browser origins allowed to call the API: `*` (any), exact origins, or `scheme://host:*` for
   * any port of a host. Empty: browsers may not call it from another origin.
   */
  readonly corsOrigins: readonly string[];
}

/** Outside production a front end under development may call from any local port. */
const DEVELOPMENT_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  ${problem.variable} ${problem.message}`).join('\n')}`,
    );
    this.name = 'ConfigurationError';
  }
}

/** Reads and checks the environment once at start; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable counts as unset, as shells and compose files often leave them so.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = plainToInstance(Environment, present, { enableImplicitConversion: true });
  const errors = validateSync(parsed);
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => ({
        variable: error.property,
        message: `${Object.values(error.constraints ?? {}).join('; ')} (got "${String(env[error.property])}")`,
      })),
    );
  }
  const production = parsed.NODE_ENV === 'production';
  const problems: { variable: string; message: string }[] = [];
  if (production && !parsed.JWT_SECRET && !parsed.JWKS_URL) {
    problems.push({ variable: 'JWT_SECRET', message: 'or JWKS_URL must be set when NODE_ENV is production' });
  }
  if (parsed.JWT_SECRET && parsed.JWKS_URL) {
    problems.push({ variable: 'JWKS_URL', message: 'cannot be combined with JWT_SECRET: choose one' });
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const eventStore = eventStoreConfig(parsed.EVENT_STORE_URL);
  return {
    port: parsed.PORT ?? 3000,
    dataDir: resolve(parsed.DATA_DIR ?? './data'),
    eventStore,
    readModel: parsed.DATABASE_URL
      ? { kind: 'postgres', url: parsed.DATABASE_URL }
      : eventStore.kind === 'postgres'
        ? { kind: 'postgres', url: eventStore.url }
        : { kind: 'embedded' },
    auth: authConfig(parsed),
    runProjector: parsed.RUN_PROJECTOR ?? true,
    incidentAutoCloseDays: parsed.INCIDENT_AUTO_CLOSE_DAYS ?? 7,
    consistencyTimeoutMs: parsed.CONSISTENCY_TIMEOUT_MS ?? 5_000,
    logLevel: (parsed.LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? 'log',
    logFormat: (parsed.LOG_FORMAT as AppConfig['logFormat'] | undefined) ?? 'text',
    production,
    corsOrigins: corsOrigins(parsed.CORS_ORIGINS, production),
  };
}

function corsOrigins(list: string | undefined, production: boolean): readonly string[] {
  if (list) return list.split(',').map((origin) => origin.trim());
  return production ? [] : DEVELOPMENT_CORS_ORIGINS;
}

function eventStoreConfig(url: string | undefined): EventStoreConfig {
  if (!url) return { kind: 'embedded' };
  return /^postgres(ql)?:/.test(url) ? { kind: 'postgres', url } : { kind: 'eventstoredb', url };
}

function authConfig(parsed: Environment): AuthConfig {
  const claims = { issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE };
  if (parsed.JWT_SECRET) return { kind: 'secret', secret: parsed.JWT_SECRET, ...claims };
  if (parsed.JWKS_URL) return { kind: 'jwks', jwksUrl: parsed.JWKS_URL, ...claims };
  return { kind: 'development', ...claims };
}
