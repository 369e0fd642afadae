import { Module, type DynamicModule } from '@nestjs/common';
import { CommandsModule } from '#commands';
import type { AppConfig } from '#config';
import { InfrastructureModule } from '#infrastructure';
import { ProjectorModule } from '#projector';

/**
 * The projector as its own process: stores, projections and the timer worker, no API. The
 * worker appends through the same command executor and Clock as the API's mutations.
 */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ProjectorAppModule, imports: [InfrastructureModule.forRoot(config), CommandsModule, ProjectorModule.forRoot()] };
  }
}
