import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceReport } from '../src/index';
import { json, redirects } from './run';
import { closedPort, ok, redirect, startServer, type TestServer } from './servers';

let site: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startServer({ '/landing': ok });
  site = await startServer({
    '/one': redirect(301, '/two', { 'cache-control': 'max-age=3600' }),
    '/two': redirect(302, '/three'),
    '/three': redirect(307, '/done'),
    '/done': ok,
    '/ping': redirect(302, '/pong'),
    '/pong': redirect(302, '/ping'),
    '/form-302': redirect(302, '/echo'),
    '/form-307': redirect(307, '/echo'),
    '/echo': ok,
    '/away': redirect(307, `${other.origin}/landing`),
    '/gone': redirect(301, '/missing'),
    '/hang': () => {
      // Never answers: the hop must time out.
    },
  });
});

afterAll(async () => {
  await site?.close();
  await other?.close();
});

const lastEcho = () => site.received.filter((request) => request.path === '/echo').at(-1);

describe('redirects trace', () => {
  it('follows a 3-hop chain, shows each status, Location and cache header, and flags it', async () => {
    const run = await redirects(['trace', site.url('/one')]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('301 Moved Permanently');
    expect(run.stdout).toContain('302 Found');
    expect(run.stdout).toContain('307 Temporary Redirect');
    expect(run.stdout).toContain('Location: /two');
    expect(run.stdout).toContain('cache-control: max-age=3600');
    expect(run.stdout).toContain('3 redirects, ends in 200');
    expect(run.stdout).toContain('long-chain');

    const report = json<TraceReport>(await redirects(['trace', site.url('/one'), '--json']));
    expect(report.hops.map((hop) => hop.status)).toEqual([301, 302, 307, 200]);
    expect(report.hops.map((hop) => hop.request.url)).toEqual(
      ['/one', '/two', '/three', '/done'].map(site.url),
    );
    expect(report.hops[0]?.semantics).toMatchObject({ permanent: 'permanent' });
    expect(report.hops[1]?.semantics).toMatchObject({ permanent: 'temporary' });
    expect(report.redirects).toBe(3);
    expect(report.flags.map((flag) => flag.kind)).toEqual(['long-chain']);
  });

  it('exits 1 on the long-chain warning with --strict', async () => {
    expect((await redirects(['trace', site.url('/one'), '--strict'])).code).toBe(1);
  });

  it('stops at a loop and exits 1', async () => {
    const run = await redirects(['trace', site.url('/ping'), '--json']);
    expect(run.code).toBe(1);
    const report = json<TraceReport>(run);
    expect(report.hops.map((hop) => hop.request.url)).toEqual([
      site.url('/ping'),
      site.url('/pong'),
    ]);
    expect(report.flags).toContainEqual(
      expect.objectContaining({ kind: 'loop', severity: 'error', hop: 2 }),
    );
  });

  it('turns a POST into a GET through 302, and says so', async () => {
    const run = await redirects(['trace', site.url('/form-302'), '--data', 'name=ada']);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('POST becomes GET');
    expect(lastEcho()).toMatchObject({ method: 'GET', body: '' });
  });

  it('keeps the POST and its body through 307', async () => {
    const run = await redirects([
      'trace',
      site.url('/form-307'),
      '-X',
      'POST',
      '-d',
      'name=ada',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = json<TraceReport>(run);
    expect(report.hops.map((hop) => hop.request.method)).toEqual(['POST', 'POST']);
    expect(lastEcho()).toMatchObject({ method: 'POST', body: 'name=ada' });
  });

  it('flags credentials on a cross-origin hop, and the other origin does not get them', async () => {
    const run = await redirects([
      'trace',
      site.url('/away'),
      '-H',
      'authorization: Bearer secret',
      '--json',
    ]);
    const report = json<TraceReport>(run);
    expect(report.flags).toContainEqual(expect.objectContaining({ kind: 'credentials', hop: 1 }));
    const landing = other.received.at(-1);
    expect(landing?.path).toBe('/landing');
    expect(landing?.headers.authorization).toBeUndefined();
  });

  it('warns when the chain ends in a 404', async () => {
    const report = json<TraceReport>(await redirects(['trace', site.url('/gone'), '--json']));
    expect(report.flags).toContainEqual(expect.objectContaining({ kind: 'broken-target', hop: 2 }));
  });

  it('reports a refused connection on its hop, without a stack trace, and exits 3', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const run = await redirects(['trace', url]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('no response: connection refused');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    const report = json<TraceReport>(await redirects(['trace', url, '--json']));
    expect(report.hops).toEqual([
      {
        hop: 1,
        request: { method: 'GET', url },
        error: expect.objectContaining({ code: 'ECONNREFUSED' }),
      },
    ]);
  });

  it('reports a hop that does not answer in time and exits 3', async () => {
    const run = await redirects(['trace', site.url('/hang'), '--timeout', '300', '--json']);
    expect(run.code).toBe(3);
    expect(json<TraceReport>(run).hops[0]?.error?.code).toBe('TIMEOUT');
  });

  it('exits 2 on a URL that is not http(s)', async () => {
    const run = await redirects(['trace', 'ftp://example.com/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('absolute http(s) URL');
  });
});
