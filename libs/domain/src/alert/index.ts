export * from './alert.commands.js';
export * from './alert.state.js';
export * from './alert.decide.js';
export * from './alert.decider.js';
export * from './alert-severity.js';
