import { Global, Module } from '@nestjs/common';
import { OperationRateLimiter } from './operation-rate-limiter.js';

@Global()
@Module({ providers: [OperationRateLimiter], exports: [OperationRateLimiter] })
export class RateLimitModule {}
