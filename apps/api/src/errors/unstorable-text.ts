/**
 * Text PostgreSQL cannot store: NUL, which `text` and `jsonb` refuse, and a lone UTF-16
 * surrogate, which has no UTF-8 encoding (the driver would silently store U+FFFD instead).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string within `value` (through nested objects and lists) that could
 * not be stored, in class-validator's notation (`filter.text`, `tags.0`); `path` names `value`.
 */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnstorableText(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
