/** The record id check lives beside the stream names it protects; the API's inputs and resolvers use it from here. */
export { RECORD_ID_PATTERN, canonicalRecordId, isRecordId } from '#events';
