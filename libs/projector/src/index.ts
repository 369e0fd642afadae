export * from './projection-status.js';
export * from './projection-runner.js';
export * from './projector.service.js';
export * from './projector.module.js';
export * from './rebuild.js';
export * from './skip-foreign-event.js';
export * from './problems/problem-fix-process-manager.js';
export * from './projection-rebuild-beside.js';
