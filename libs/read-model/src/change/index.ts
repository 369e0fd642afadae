export * from './change-row.js';
export * from './change-rows.js';
export * from './change-list.js';
export * from './change-list-cursor.js';
export * from './change-schedule.js';
export * from './change-row.evolve.js';
export * from './change.projection.js';
export * from './change.read-model.js';
