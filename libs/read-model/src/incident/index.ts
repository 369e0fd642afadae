export * from './incident-row.js';
export * from './incident-rows.js';
