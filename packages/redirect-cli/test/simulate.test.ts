import { nextRequest } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { json, redirects } from './run';

interface SimulateJson {
  client: string;
  result: ReturnType<typeof nextRequest>;
}

describe('redirects simulate', () => {
  it('turns POST into GET on 302, drops the body and lists each change', async () => {
    const args = ['simulate', '--method', 'POST', '--status', '302'];
    args.push('--header', 'content-type: text/plain', '--body', 'hi');
    const run = await redirects(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('follow GET https://example.com/new');
    expect(run.stdout).toContain('body: none');
    expect(run.stdout).toContain('method-rewritten');
    expect(run.stdout).toContain('body-dropped');
  });

  it('prints in --json exactly what nextRequest returns (a round trip through core)', async () => {
    const run = await redirects(['simulate', '-m', 'POST', '-s', '307', '-d', 'hi', '--json']);
    const output = json<SimulateJson>(run);
    const expected = nextRequest(
      { method: 'POST', url: 'https://example.com/old', headers: [], body: 'hi' },
      { status: 307, headers: [['location', '/new']], url: 'https://example.com/old' },
      { client: 'fetch' },
    );
    expect(output.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(output.result).toMatchObject({
      kind: 'follow',
      request: { method: 'POST', body: 'hi' },
    });
  });

  it('applies another client family with --client', async () => {
    const rfc = json<SimulateJson>(
      await redirects(['simulate', '-m', 'POST', '-s', '302', '--client', 'rfc', '--json']),
    );
    expect(rfc).toMatchObject({
      client: 'rfc',
      result: { kind: 'follow', request: { method: 'POST' } },
    });
  });

  it('exits 1 when the client fails, with the reason', async () => {
    const run = await redirects(['simulate', '-s', '301', '--location', 'javascript:alert(1)']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error the fetch fails: .+ \(unsupported-scheme\)/);
  });

  it('returns non-redirect statuses and missing Locations to the caller', async () => {
    const run = await redirects(['simulate', '-s', '304', '--json']);
    expect(run.code).toBe(0);
    expect(json<SimulateJson>(run).result).toMatchObject({
      kind: 'return',
      reason: 'not-redirect-status',
    });
  });

  it('exits 2 on a bad status, client or header', async () => {
    for (const bad of [
      ['-s', 'abc'],
      ['-s', '302', '--client', 'lynx'],
      ['-s', '302', '-H', 'no colon'],
    ]) {
      const run = await redirects(['simulate', ...bad]);
      expect(run.code, bad.join(' ')).toBe(2);
      expect(run.stderr).toContain('@org/redirect-cli');
    }
  });
});
