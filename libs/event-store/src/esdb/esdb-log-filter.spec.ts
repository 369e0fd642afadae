import { describe, expect, it } from '@jest/globals';
import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { isVisibleInLog, toSubscriptionFilter } from './esdb-log-filter.js';

describe('toSubscriptionFilter', () => {
  it('filters stream names by prefix', () => {
    expect(toSubscriptionFilter({ streamPrefixes: ['incident-', 'change-'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['incident-', 'change-'],
    });
  });

  it('filters event types by prefix', () => {
    expect(toSubscriptionFilter({ eventTypePrefixes: ['incident.'] })).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['incident.'],
    });
  });

  it.each([[undefined], [{ streamPrefixes: [] }], [{ eventTypePrefixes: [] }]])(
    'leaves out system events when nothing is filtered (%p)',
    (filter) => {
      expect(toSubscriptionFilter(filter)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    },
  );
});

describe('isVisibleInLog', () => {
  const event = (streamId: string, type: string) => ({ streamId, type });

  it('never shows events of system streams, whatever the filter', () => {
    expect(isVisibleInLog(event('$stats-127.0.0.1:2113', 'incident.opened.v1'))).toBe(false);
    expect(isVisibleInLog(event('$$incident-1', '$metadata'), { eventTypePrefixes: ['$'] })).toBe(false);
    expect(isVisibleInLog(event('$ce-incident', 'incident.opened.v1'), { streamPrefixes: ['$ce'] })).toBe(false);
  });

  it('hides system event types unless a type filter asks for them', () => {
    expect(isVisibleInLog(event('incident-1', '$>'))).toBe(false);
    expect(isVisibleInLog(event('incident-1', '$>'), { eventTypePrefixes: ['$'] })).toBe(true);
    expect(isVisibleInLog(event('incident-1', 'incident.opened.v1'))).toBe(true);
  });

  it('matches stream or type prefixes', () => {
    expect(isVisibleInLog(event('incident-1', 'x.v1'), { streamPrefixes: ['change-', 'incident-'] })).toBe(true);
    expect(isVisibleInLog(event('problem-1', 'x.v1'), { streamPrefixes: ['change-', 'incident-'] })).toBe(false);
    expect(isVisibleInLog(event('problem-1', 'incident.opened.v1'), { eventTypePrefixes: ['incident.'] })).toBe(true);
    expect(isVisibleInLog(event('incident-1', 'problem.opened.v1'), { eventTypePrefixes: ['incident.'] })).toBe(false);
  });

  it('treats an empty prefix list as no filter', () => {
    expect(isVisibleInLog(event('incident-1', 'x.v1'), { streamPrefixes: [] })).toBe(true);
    expect(isVisibleInLog(event('incident-1', '$>'), { streamPrefixes: [] })).toBe(false);
  });
});
