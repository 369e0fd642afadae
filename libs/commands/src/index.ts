export * from './command-envelope.js';
export * from './decider-command-executor.js';
export * from './record-number-allocator.js';
export * from './clock.js';
export * from './idempotency-key-reused.error.js';
export * from './record-contended.error.js';
export * from './tenant-settings.service.js';
export * from './commands.module.js';
