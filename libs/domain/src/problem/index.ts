export * from './problem.commands.js';
export * from './problem.state.js';
export * from './problem.decide.js';
export * from './problem.decider.js';
