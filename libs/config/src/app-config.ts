import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** Limits on one GraphQL operation, checked before any resolver runs (over HTTP and WebSocket). */
export interface QueryLimits {
  readonly introspection: boolean;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  /** Every field costs 1, each top-level field 10 more; `first` multiplies what it selects. */
  readonly maxCost: number;
  /** Largest graphql-ws message; a bigger one closes the socket (1009). */
  readonly maxWebSocketMessageBytes: number;
}

/** Connections per kind of work, so no one kind can take the others' connections. */
export interface DatabasePools {
  readonly queries: number;
  readonly commands: number;
  readonly projector: number;
  /** Applies to every statement made for a request (queries and commands). */
  readonly statementTimeoutMs: number;
}

/** Operations a second, with a burst allowance over any 10 s; in process, per replica. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

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
  readonly queryLimits: QueryLimits;
  readonly databasePools: DatabasePools;
  readonly rateLimits: { readonly principal: RateLimit; readonly tenant: RateLimit };
}

/** Variables whose values are secrets or may hold a password: never echoed in a message. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'EVENT_STORE_URL', 'DATABASE_URL']);

/** Where the development token secret is kept, so the server and `npm run token` agree. */
export function developmentSecretFile(dataDir: string): string {
  return join(dataDir, 'development-jwt-secret');
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
        message: `${Object.values(error.constraints ?? {}).join('; ')}${
          SECRET_VARIABLES.has(error.property) ? '' : ` (got "${String(env[error.property])}")`
        }`,
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
  const dataDir = resolve(parsed.DATA_DIR ?? './data');
  if (production && parsed.JWT_SECRET && parsed.JWT_SECRET === storedDevelopmentSecret(dataDir)) {
    problems.push({
      variable: 'JWT_SECRET',
      message: 'is the development secret kept in DATA_DIR, which anyone with that folder can sign tokens with: set a secret of your own',
    });
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const eventStore = eventStoreConfig(parsed.EVENT_STORE_URL);
  return {
    port: parsed.PORT ?? 3000,
    dataDir,
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
    queryLimits: {
      introspection: parsed.GRAPHQL_INTROSPECTION ?? !production,
      maxDepth: parsed.GRAPHQL_MAX_DEPTH ?? 10,
      maxAliases: parsed.GRAPHQL_MAX_ALIASES ?? 15,
      maxDirectives: parsed.GRAPHQL_MAX_DIRECTIVES ?? 20,
      maxTokens: parsed.GRAPHQL_MAX_TOKENS ?? 2_000,
      maxCost: parsed.GRAPHQL_MAX_COST ?? 5_000,
      maxWebSocketMessageBytes: parsed.WS_MAX_MESSAGE_BYTES ?? 256 * 1024,
    },
    databasePools: {
      queries: parsed.DATABASE_POOL_QUERIES ?? 10,
      commands: parsed.DATABASE_POOL_COMMANDS ?? 10,
      // One per projection and reactor (each holds one through a batch), the reader of the log and
      // its LISTEN connection, the timer worker, the reactors' outboxes, slack.
      projector: parsed.DATABASE_POOL_PROJECTOR ?? 14,
      statementTimeoutMs: parsed.STATEMENT_TIMEOUT_MS ?? 5_000,
    },
    rateLimits: {
      principal: { perSecond: parsed.RATE_LIMIT_PRINCIPAL_PER_SECOND ?? 50, burst: parsed.RATE_LIMIT_PRINCIPAL_BURST ?? 250 },
      tenant: { perSecond: parsed.RATE_LIMIT_TENANT_PER_SECOND ?? 200, burst: parsed.RATE_LIMIT_TENANT_BURST ?? 1000 },
    },
  };
}

function storedDevelopmentSecret(dataDir: string): string | undefined {
  const file = developmentSecretFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
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
