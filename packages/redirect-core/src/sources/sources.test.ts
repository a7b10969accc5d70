import { describe, expect, it } from 'vitest';
import * as root from '../index';
import * as status from '../status/index';
import * as entry from './index';

describe('the sources entry', () => {
  it('exports the table, which the root entry re-exports and /status does not', () => {
    expect(Object.keys(entry)).toEqual(['sources']);
    expect(root.sources).toBe(entry.sources);
    // /status carries ids only, so that a bundle of it holds no titles or URLs.
    expect(Object.keys(status)).not.toContain('sources');
  });

  it('names a document for every id the status table cites', () => {
    for (const row of Object.values(status.redirectStatuses)) {
      expect(entry.sources[row.permanent.source].url).toMatch(/^https:\/\//);
    }
  });
});
