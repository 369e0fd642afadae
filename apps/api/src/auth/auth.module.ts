import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '#config';
import { APP_CONFIG } from '#infrastructure';
import { AuthGuard } from './auth.guard.js';
import { ServiceAccountAuthenticator } from './service-account-authenticator.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  providers: [
    ServiceAccountAuthenticator,
    {
      provide: TokenVerifier,
      useFactory: (config: AppConfig, serviceAccounts: ServiceAccountAuthenticator) =>
        TokenVerifier.create(config.auth, config.dataDir, serviceAccounts),
      inject: [APP_CONFIG, ServiceAccountAuthenticator],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
