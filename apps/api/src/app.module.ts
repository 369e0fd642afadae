import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { CommandsModule } from '#commands';
import type { AppConfig } from '#config';
import { InfrastructureModule } from '#infrastructure';
import { ProjectorModule } from '#projector';
import type { Projection } from '#read-model';
import { AuthModule } from './auth/auth.module.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { RecordCommandsModule } from './common/record-commands.module.js';
import { GraphQLExceptionPassthrough } from './errors/graphql-exception.filter.js';
import { ExplorerModule } from './explorer/explorer.module.js';
import { inputValidationPipe } from './errors/validation-pipe.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { GraphQLWebSocketServer } from './graphql/graphql-ws.server.js';
import { OperationAdmission } from './graphql/limits/operation-admission.js';
import { QueryLimitsModule } from './graphql/limits/query-limits.module.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { Metrics } from './metrics/metrics.js';
import { HealthController } from './health/health.controller.js';
import { ChangeModule } from './change/change.module.js';
import { IncidentModule } from './incident/incident.module.js';
import { ProblemModule } from './problem/problem.module.js';
import { NodeModule } from './node/node.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { ReadModelModule } from './read-model/read-model.module.js';
import { TenantModule } from './tenant/tenant.module.js';
import { ServiceAccountModule } from './service-account/service-account.module.js';
import { AlertModule } from './alert/alert.module.js';

@Module({})
export class AppModule {
  /**
   * The API; with `runProjector` it also runs the projector in this process, with `followers`
   * beside the product's own.
   */
  static forRoot(config: AppConfig, options: { readonly followers?: readonly Projection[] } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        CqrsModule.forRoot(),
        AuthModule,
        MetricsModule,
        RateLimitModule,
        QueryLimitsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TokenVerifier, Metrics, OperationAdmission],
          useFactory: (verifier: TokenVerifier, metrics: Metrics, admission: OperationAdmission) =>
            graphqlOptions(verifier, metrics, admission, config.queryLimits.introspection),
        }),
        ReadModelModule,
        CommandsModule,
        RecordCommandsModule,
        IncidentModule,
        ProblemModule,
        ChangeModule,
        TenantModule,
        ServiceAccountModule,
        AlertModule,
        NodeModule,
        ...(config.runProjector ? [ProjectorModule.forRoot(options.followers)] : []),
        ...(config.production ? [] : [ExplorerModule]),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionPassthrough },
        GraphQLWebSocketServer,
      ],
    };
  }
}
