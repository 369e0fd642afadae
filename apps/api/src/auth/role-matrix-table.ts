import { OPERATION_ROLES, type OperationType } from './operation-roles.js';
import { ROLES } from './principal.js';

/** Where the README holds the printed matrix; `npm run schema` rewrites what is between. */
export const ROLE_MATRIX_MARKERS = {
  start: '<!-- role-matrix:start (generated from apps/api/src/auth/operation-roles.ts by npm run schema) -->',
  end: '<!-- role-matrix:end -->',
} as const;

const TYPE_WORDS: Record<OperationType, string> = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' };

/** The role matrix as a Markdown table: one row per operation, one column per role. */
export function roleMatrixTable(): string {
  const header = `| operation | ${ROLES.map((role) => `\`${role}\``).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(OPERATION_ROLES) as OperationType[]).flatMap((type) =>
    Object.entries(OPERATION_ROLES[type] as Record<string, readonly string[]>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, roles]) => `| ${TYPE_WORDS[type]} \`${operation}\` | ${ROLES.map((role) => (roles.includes(role) ? 'yes' : '')).join(' | ')} |`),
  );
  return [header, rule, ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the current table. */
export function withRoleMatrix(readme: string): string {
  const start = readme.indexOf(ROLE_MATRIX_MARKERS.start);
  const end = readme.indexOf(ROLE_MATRIX_MARKERS.end);
  if (start < 0 || end < start) throw new Error('The README has no role-matrix markers');
  return `${readme.slice(0, start + ROLE_MATRIX_MARKERS.start.length)}\n${roleMatrixTable()}\n${readme.slice(end)}`;
}
