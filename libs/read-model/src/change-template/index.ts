export * from './change-template-row.js';
export * from './change-template-rows.js';
export * from './change-template-list.js';
export * from './change-template.projection.js';
