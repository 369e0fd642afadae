export * from './change.commands.js';
export * from './change.state.js';
export * from './change.decide.js';
export * from './change.decider.js';
export * from './approval-round.js';
export * from './schedule-conflicts.js';
