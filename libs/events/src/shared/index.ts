export * from './priority-vocabulary.js';
