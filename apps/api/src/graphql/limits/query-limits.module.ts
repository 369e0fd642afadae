import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '#config';
import { APP_CONFIG } from '#infrastructure';
import { OperationRateLimiter } from '../../rate-limit/operation-rate-limiter.js';
import { OperationAdmission } from './operation-admission.js';

/** One admission for both transports, so HTTP and WebSocket apply the same limits. */
@Global()
@Module({
  providers: [
    {
      provide: OperationAdmission,
      useFactory: (config: AppConfig, rateLimiter: OperationRateLimiter) => new OperationAdmission(config.queryLimits, rateLimiter),
      inject: [APP_CONFIG, OperationRateLimiter],
    },
  ],
  exports: [OperationAdmission],
})
export class QueryLimitsModule {}
