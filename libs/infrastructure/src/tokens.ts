/** Injection tokens for what the infrastructure module provides. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The event store for commands and the projector. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The event store for requests that read it (history, as-of), on connections of their own. */
export const QUERY_EVENT_STORE = Symbol('QUERY_EVENT_STORE');
/** Read models for requests: every statement has a timeout. */
export const READ_MODEL_POOL = Symbol('READ_MODEL_POOL');
/** Read models for the projector and the timers, on connections of their own. */
export const PROJECTOR_POOL = Symbol('PROJECTOR_POOL');
export const READ_MODEL_URL = Symbol('READ_MODEL_URL');
