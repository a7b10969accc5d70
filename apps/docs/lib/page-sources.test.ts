import { redirectStatuses, sources } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { collectSources, pageSources } from './page-sources';

describe('pageSources', () => {
  it('numbers every source a status row cites, in order of first citation, each once', () => {
    const page = pageSources(redirectStatuses[301]);
    expect(page.list[0]?.id).toBe(redirectStatuses[301].followedByFetch.source);
    expect(new Set(page.list.map((item) => item.id)).size).toBe(page.list.length);
    expect(page.number(redirectStatuses[301].permanent.source)).toBeGreaterThan(0);
    for (const item of page.list) expect(item.url).toBe(sources[item.id].url);
  });

  it('finds the sources of nested facts (method rules, caveats)', () => {
    expect(collectSources(redirectStatuses[303])).toEqual(
      expect.arrayContaining(['fetch-http-redirect-fetch-12', 'got-14-source', 'curl-follow']),
    );
  });

  it('refuses a source the page did not collect', () => {
    expect(() => pageSources({}).number('rfc7538')).toThrow(/@org\/docs/);
  });
});
