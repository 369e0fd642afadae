export * from './incident-row.js';
export * from './incident-rows.js';
export * from './incident-timer-row.js';
export * from './incident-timer-rows.js';
export * from './incident-list.js';
export * from './incident-list-cursor.js';
