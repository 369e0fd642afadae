export * from './priority.js';
export * from './input.guards.js';
export * from './state.guards.js';
export * from './follow-up.js';
