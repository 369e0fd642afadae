import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#config';
import { InfrastructureModule } from '#infrastructure';
import { ProjectorModule } from './projector.module.js';

/** The projector as its own process: stores plus projections, no API. */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ProjectorAppModule, imports: [InfrastructureModule.forRoot(config), ProjectorModule] };
  }
}
