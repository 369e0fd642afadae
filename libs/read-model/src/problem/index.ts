export * from './problem-row.js';
export * from './problem-rows.js';
export * from './problem-list.js';
export * from './problem-list-cursor.js';
export * from './problem-incident-links.js';
export * from './problem-row.evolve.js';
export * from './problem.projection.js';
export * from './problem.read-model.js';
