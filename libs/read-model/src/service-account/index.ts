export * from './service-account-row.js';
export * from './service-account-rows.js';
export * from './service-account-row.evolve.js';
export * from './service-account.projection.js';
