import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '#config';
import { APP_CONFIG } from '#infrastructure';
import { AuthGuard } from './auth.guard.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      useFactory: (config: AppConfig) => TokenVerifier.create(config.auth, config.dataDir),
      inject: [APP_CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
