import { Module } from '@nestjs/common';
import { ProjectorService } from './projector.service.js';
import { ALL_PROJECTIONS, PROJECTIONS } from './projections.js';

/** Runs the projections; imported by the projector app, and by the api when it runs one in-process. */
@Module({
  providers: [{ provide: PROJECTIONS, useValue: ALL_PROJECTIONS }, ProjectorService],
  exports: [ProjectorService],
})
export class ProjectorModule {}
