import { redirectStatuses, sources } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { json, redirects } from './run';

describe('redirects explain', () => {
  it.each([301, 302, 303, 307, 308] as const)(
    'prints the %i row with its sources',
    async (code) => {
      const run = await redirects(['explain', String(code)]);
      expect(run.code).toBe(0);
      const row = redirectStatuses[code];
      expect(run.stdout).toContain(`${code} ${row.reason}`);
      expect(run.stdout).toContain(row.useWhen);
      expect(run.stdout).toContain(sources[row.permanent.source].url);
    },
  );

  it('gives the row unchanged in --json (a round trip of the table)', async () => {
    const output = json<{ status: unknown; sources: Record<string, unknown> }>(
      await redirects(['explain', '308', '--json']),
    );
    expect(output.status).toEqual(redirectStatuses[308]);
    expect(output.sources[redirectStatuses[308].permanent.source]).toEqual(
      sources[redirectStatuses[308].permanent.source],
    );
  });

  it('describes codes clients do not follow, such as 304', async () => {
    const run = await redirects(['explain', '304']);
    expect(run.stdout).toContain('304 Not Modified');
    expect(run.stdout).toContain('followed by fetch: no');
  });

  it.each(['200', '30x', '309'])('exits 2 on %s', async (code) => {
    const run = await redirects(['explain', code]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('@org/redirect-cli: explain');
  });
});
