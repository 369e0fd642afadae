import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readAliases, specifiersOf, typeScriptFilesUnder, violationsOf } from './import-boundaries.js';

const ROOT = resolve(import.meta.dirname, '../..');
const aliases = readAliases(ROOT);

function check(file: string, source: string) {
  return violationsOf(ROOT, join(ROOT, file), specifiersOf(source), aliases).map(({ rule }) => rule);
}

describe('import boundaries', () => {
  it('hold for every .ts file under apps/ and libs/', () => {
    const files = typeScriptFilesUnder(join(ROOT, 'apps'), join(ROOT, 'libs'));
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) => violationsOf(ROOT, file, specifiersOf(readFileSync(file, 'utf8')), aliases));
    expect(violations).toEqual([]);
  });

  describe('catch', () => {
    it('an app importing another app', () => {
      expect(check('apps/api/src/app.module.ts', "import { X } from '../../projector/src/x.js';")).toEqual(['app-to-app']);
      expect(check('apps/projector/src/main.ts', "export * from '../../api/src/x.js';")).toEqual(['app-to-app']);
    });

    it('a library importing an app, specs included', () => {
      expect(check('libs/event-store/src/esdb/x.spec.ts', "import { H } from '../../../../apps/api/src/h.js';")).toEqual([
        'lib-to-app',
      ]);
    });

    it('a library reached by path instead of its #alias', () => {
      expect(check('libs/read-model/src/x.spec.ts', "import { opened } from '../../domain/src/testing/x.js';")).toEqual([
        'library-by-path',
      ]);
      expect(check('apps/api/src/x.ts', "import { opened } from '../../../libs/domain/src/testing/x.js';")).toEqual([
        'library-by-path',
      ]);
    });

    it('a framework, a driver or a store-bound library in the domain or the event contracts', () => {
      const source = [
        "import { Injectable } from '@nestjs/common';",
        "import pg from 'pg';",
        "import type { EventStoreDBClient } from '@eventstore/db-client';",
        "import type { Request } from 'express';",
        "import { GraphQLError } from 'graphql';",
        "import { EVENT_STORE } from '#infrastructure';",
        "const late = await import('#event-store');",
      ].join('\n');
      expect(check('libs/domain/src/x.ts', source)).toEqual(Array(7).fill('framework-in-plain-lib'));
      expect(check('libs/events/src/x.ts', source)).toEqual(Array(7).fill('framework-in-plain-lib'));
    });

    it('nothing in what apps and other libraries may do', () => {
      const source = [
        "import { Injectable } from '@nestjs/common';",
        "import { incidentDecider } from '#domain';",
        "import { opened } from '#domain/testing';",
        "import { x } from './x.js';",
        "import { y } from '../../../test/support/y.js';",
      ].join('\n');
      expect(check('apps/api/src/x.ts', source)).toEqual([]);
      expect(check('libs/projector/src/x.ts', source)).toEqual([]);
      expect(check('libs/domain/src/incident/x.ts', "import { e } from '#events';\nimport { f } from '../testing/f.js';")).toEqual([]);
    });
  });
});
