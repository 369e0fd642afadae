import { describe, expect, it } from '@jest/globals';
import { RECORD_KIND_NAMES, recordNumberPrefix } from './record-kinds.js';
import { parseRecordStreamId, RECORD_STREAM_PREFIXES, recordStreamId } from './record-streams.js';
import { tenantSettingsStreamId } from './tenant-settings-stream.js';

describe('the record kinds registry', () => {
  it('gives every kind its own three-letter number prefix', () => {
    const prefixes = RECORD_KIND_NAMES.map(recordNumberPrefix);
    expect(new Set(prefixes).size).toBe(RECORD_KIND_NAMES.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[A-Z]{3}$/);
  });

  it('names streams no other kind, nor the settings and numbering streams, can parse', () => {
    const id = '0b7f3c52-7d0e-4f8e-9a43-1d2c3b4a5e6f';
    for (const kind of RECORD_KIND_NAMES) {
      const streamId = recordStreamId(kind, 'acme-eu', id);
      expect(parseRecordStreamId(kind, streamId)).toEqual({ tenant: 'acme-eu', id });
      for (const other of RECORD_KIND_NAMES.filter((candidate) => candidate !== kind))
        expect(parseRecordStreamId(other, streamId)).toBeUndefined();
    }
    for (const prefix of RECORD_STREAM_PREFIXES) {
      expect(tenantSettingsStreamId('acme').startsWith(prefix)).toBe(false);
      expect(`numbering-acme-PRB`.startsWith(prefix)).toBe(false);
    }
  });
});
