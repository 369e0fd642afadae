/** Injection tokens for what the infrastructure module provides. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_POOL = Symbol('READ_MODEL_POOL');
export const READ_MODEL_URL = Symbol('READ_MODEL_URL');
