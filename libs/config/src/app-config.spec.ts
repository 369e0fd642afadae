import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('runs on the embedded engine with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'embedded' },
      readModel: { kind: 'embedded' },
      auth: { kind: 'development' },
      runProjector: true,
      incidentAutoCloseDays: 7,
      consistencyTimeoutMs: 5_000,
    });
  });

  it('keeps read models in the event store database when that is PostgreSQL', () => {
    const config = loadConfig({ EVENT_STORE_URL: 'postgres://u@db/itsm' });
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://u@db/itsm' });
    expect(config.readModel).toEqual({ kind: 'postgres', url: 'postgres://u@db/itsm' });
  });

  it('uses EventStoreDB for esdb URLs and DATABASE_URL for read models', () => {
    const config = loadConfig({ EVENT_STORE_URL: 'esdb://es:2113?tls=false', DATABASE_URL: 'postgres://u@pg/rm' });
    expect(config.eventStore.kind).toBe('eventstoredb');
    expect(config.readModel).toEqual({ kind: 'postgres', url: 'postgres://u@pg/rm' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EVENT_STORE_URL', 'mysql://db'],
    ['DATABASE_URL', 'esdb://x'],
    ['JWT_SECRET', 'short'],
    ['RUN_PROJECTOR', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'xml'],
    ['INCIDENT_AUTO_CLOSE_DAYS', '0'],
    ['INCIDENT_AUTO_CLOSE_DAYS', 'soon'],
    ['CONSISTENCY_TIMEOUT_MS', '0'],
    ['CONSISTENCY_TIMEOUT_MS', '5s'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const error = captureError(() => loadConfig({ [variable]: value }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems.map((problem) => problem.variable)).toEqual([variable]);
    expect((error as Error).message).toContain(variable);
  });

  it('reads how long reads wait for read models', () => {
    expect(loadConfig({ CONSISTENCY_TIMEOUT_MS: '250' }).consistencyTimeoutMs).toBe(250);
  });

  it('reads RUN_PROJECTOR=false as false', () => {
    expect(loadConfig({ RUN_PROJECTOR: 'false' }).runProjector).toBe(false);
  });

  it('requires a real secret in production', () => {
    const error = captureError(() => loadConfig({ NODE_ENV: 'production' }));
    expect((error as Error).message).toContain('JWT_SECRET');
  });
});

function captureError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
