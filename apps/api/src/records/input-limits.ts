/** Longest texts record inputs accept, in characters. */
export const REASON_MAX = 2_000;
export const NOTES_MAX = 20_000;
