export * from './esdb-event-store.js';
export type { RetryPolicy, RetryDependencies } from './esdb-retry.js';
