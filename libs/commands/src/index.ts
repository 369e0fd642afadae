export * from './command-envelope.js';
export * from './decider-command-executor.js';
export * from './record-number-allocator.js';
export * from './clock.js';
