import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const STORE_URL = /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|postgres|postgresql):\/\/\S+$/;
/** An origin as browsers send it (lowercase host, no path), or with `:*` for any port. */
const ORIGIN = String.raw`https?://(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(?:[0-9]{1,5}|\*))?`;
const CORS_ORIGINS = new RegExp(String.raw`^\s*(?:\*|${ORIGIN}(?:\s*,\s*${ORIGIN})*)\s*$`);

/** The environment variables the product reads, with the rules each must satisfy. */
export class Environment {
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  DATA_DIR?: string;

  @IsOptional()
  @Matches(STORE_URL, { message: 'must be an esdb://, esdb+discover:// or postgres:// URL' })
  EVENT_STORE_URL?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  @MaxLength(512)
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^https:\/\/\S+$/, { message: 'must be an https:// URL' })
  JWKS_URL?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  @IsOptional()
  @Matches(CORS_ORIGINS, {
    message:
      'must be * alone or comma-separated origins such as https://desk.example.com or http://localhost:* (scheme and lowercase host, optional port or :*, no path)',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 365' })
  @Max(365, { message: 'must be between 1 and 365' })
  INCIDENT_AUTO_CLOSE_DAYS?: number;

  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1, { message: 'must be between 1 and 60000' })
  @Max(60_000, { message: 'must be between 1 and 60000' })
  CONSISTENCY_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(({ obj, key }) => parseBoolean((obj as Record<string, unknown>)[key]))
  @IsBoolean({ message: 'must be true or false' })
  RUN_PROJECTOR?: boolean;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'must be one of fatal, error, warn, log, debug, verbose',
  })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['text', 'json'], { message: 'must be text or json' })
  LOG_FORMAT?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'must be development, production or test' })
  NODE_ENV?: string;

  @IsOptional()
  @Transform(({ obj, key }) => parseBoolean((obj as Record<string, unknown>)[key]))
  @IsBoolean({ message: 'must be true or false' })
  GRAPHQL_INTROSPECTION?: boolean;

  @WholeNumber(1, 100)
  GRAPHQL_MAX_DEPTH?: number;

  @WholeNumber(1, 1_000)
  GRAPHQL_MAX_ALIASES?: number;

  @WholeNumber(1, 1_000)
  GRAPHQL_MAX_DIRECTIVES?: number;

  @WholeNumber(100, 100_000)
  GRAPHQL_MAX_TOKENS?: number;

  @WholeNumber(1, 10_000_000)
  GRAPHQL_MAX_COST?: number;

  @WholeNumber(1_024, 16 * 1024 * 1024)
  WS_MAX_MESSAGE_BYTES?: number;

  @WholeNumber(1, 1_000)
  DATABASE_POOL_QUERIES?: number;

  @WholeNumber(1, 1_000)
  DATABASE_POOL_COMMANDS?: number;

  @WholeNumber(1, 1_000)
  DATABASE_POOL_PROJECTOR?: number;

  @WholeNumber(100, 600_000)
  STATEMENT_TIMEOUT_MS?: number;

  @WholeNumber(1, 1_000_000)
  RATE_LIMIT_PRINCIPAL_PER_SECOND?: number;

  @WholeNumber(0, 10_000_000)
  RATE_LIMIT_PRINCIPAL_BURST?: number;

  @WholeNumber(1, 1_000_000)
  RATE_LIMIT_TENANT_PER_SECOND?: number;

  @WholeNumber(0, 10_000_000)
  RATE_LIMIT_TENANT_BURST?: number;
}

/** An optional whole number within bounds, the message saying which. */
function WholeNumber(min: number, max: number): PropertyDecorator {
  const range = { message: `must be a whole number between ${min} and ${max}` };
  return (target, key) => {
    IsOptional()(target, key);
    IsInt(range)(target, key);
    Min(min, range)(target, key);
    Max(max, range)(target, key);
  };
}

/** Implicit conversion would read any non-empty text, even "false", as true. */
function parseBoolean(raw: unknown): unknown {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return raw;
}
