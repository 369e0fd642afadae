import type { LogFilter } from '../event-store.port.js';

/**
 * Turns a prefix filter into a SQL condition on `column LIKE ANY($n)`, escaping LIKE's wildcards
 * so a prefix matches literally.
 */
export function logFilterCondition(
  filter: LogFilter | undefined,
  parameterIndex: number,
): { sql: string; params: unknown[] } {
  if (!filter) return { sql: 'TRUE', params: [] };
  const [column, prefixes] =
    'streamPrefixes' in filter ? ['stream_id', filter.streamPrefixes] : ['type', filter.eventTypePrefixes];
  if (prefixes.length === 0) return { sql: 'TRUE', params: [] };
  const patterns = prefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`);
  return { sql: `${column} LIKE ANY($${parameterIndex}::text[])`, params: [patterns] };
}
