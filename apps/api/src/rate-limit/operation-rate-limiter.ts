import { Inject, Injectable } from '@nestjs/common';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig, RateLimit } from '#config';
import { APP_CONFIG } from '#infrastructure';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../errors/api-error.js';

/** The window over which a burst above the steady rate is allowed. */
const BURST_WINDOW_SECONDS = 10;

/**
 * An operation counts once per started 100 of its cost: an ordinary read or command is one, a
 * full page of everything about 50, so heavy reads cannot take the CPU at the rate of light ones.
 */
const COST_PER_OPERATION = 100;

type Limiter = Pick<RateLimiterMemory, 'consume'>;

/**
 * Operations a principal, and a whole tenant, may start, weighed by their cost: a steady rate a second plus a burst
 * allowance (rate-limiter-flexible's bursty limiter, which behaves as a token bucket of that
 * rate and size). Counted in this process: each API replica allows the configured rate.
 * A principal over its limit is refused without using its tenant's allowance, so one caller
 * cannot spend what the others of its tenant are left.
 */
@Injectable()
export class OperationRateLimiter {
  private readonly principal: Limiter;
  private readonly tenant: Limiter;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'rateLimits'>) {
    this.principal = limiter(config.rateLimits.principal);
    this.tenant = limiter(config.rateLimits.tenant);
  }

  /** RATE_LIMITED (429, Retry-After) when the caller or its tenant is over its limit. */
  async admit(principal: Principal | undefined, cost: number): Promise<ApiError | undefined> {
    if (!principal) return undefined;
    const operations = Math.max(1, Math.ceil(cost / COST_PER_OPERATION));
    return (
      (await consume(this.principal, JSON.stringify([principal.tenant, principal.subject]), operations, 'principal')) ??
      (await consume(this.tenant, principal.tenant, operations, 'tenant'))
    );
  }
}

function limiter({ perSecond, burst }: RateLimit): Limiter {
  const steady = new RateLimiterMemory({ points: perSecond, duration: 1 });
  if (burst === 0) return steady;
  return new BurstyRateLimiter(steady, new RateLimiterMemory({ points: burst, duration: BURST_WINDOW_SECONDS }));
}

async function consume(
  limiter: Limiter,
  key: string,
  operations: number,
  scope: 'principal' | 'tenant',
): Promise<ApiError | undefined> {
  try {
    await limiter.consume(key, operations);
    return undefined;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    return new ApiError('RATE_LIMITED', `Too many operations for this ${scope}; retry after ${retryAfter} s`, {
      scope,
      retryAfter,
      httpStatus: 429,
      httpHeaders: { 'retry-after': String(retryAfter) },
    });
  }
}
