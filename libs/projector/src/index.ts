export * from './projection-status.js';
export * from './projection-runner.js';
export * from './projector.service.js';
export * from './projector.module.js';
export * from './rebuild.js';
export * from './skip-foreign-event.js';
export * from './projection-rebuild-beside.js';
export * from './changes/change-follow-up-process-manager.js';
