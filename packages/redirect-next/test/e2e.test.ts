import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@org/test-utils/port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real `next build` + `next start` of the fixture app in ./e2e-app, checked over a socket.
// The app imports the packages' built dist (through the workspace links), as users do.
const app = fileURLToPath(new URL('./e2e-app/', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const built = ['../../redirect-core/dist/index.cjs', '../dist/index.cjs', '../dist/index.js'];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };

let server: ChildProcess | undefined;
let origin = '';

async function waitUntilUp(url: string, child: ChildProcess, output: () => string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${url} within 60 s:\n${output()}`);
}

beforeAll(async () => {
  for (const file of built) {
    if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
      throw new Error(
        `@org/redirect-next e2e: ${file} is missing; build first: npx turbo run build --filter=@org/redirect-next`,
      );
    }
  }
  const started = performance.now();
  await promisify(execFile)(process.execPath, [nextBin, 'build'], {
    cwd: app,
    env,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`next build failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  console.info(`e2e: next build took ${Math.round(performance.now() - started)} ms`);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  child.stdout.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  await waitUntilUp(`${origin}/`, child, () => log);
}, 300_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

function withHost(path: string, host: string) {
  return new Promise<{ status?: number; location?: string }>((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, location: res.headers.location });
    });
    req.once('error', reject);
    req.end();
  });
}

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${origin}${path}`, { redirect: 'manual', ...init });

describe('next.config redirects from toNextConfigRedirects', () => {
  it.each([
    ['/config/permanent', 308],
    ['/config/temporary', 307],
    ['/config/moved', 301],
    ['/config/found', 302],
    ['/config/see-other', 303],
  ])('%s answers exactly %i to /target', async (path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe('/target');
  });

  it('fills parameters and wildcards', async () => {
    const slug = await get('/config/blog/hello');
    expect([slug.status, slug.headers.get('location')]).toEqual([308, '/articles/hello']);
    const splat = await get('/config/docs/a/b');
    expect([splat.status, splat.headers.get('location')]).toEqual([301, '/handbook/a/b']);
  });

  it('applies query and host conditions', async () => {
    const campaign = await get('/config/campaign?ref=mail');
    expect([campaign.status, campaign.headers.get('location')]).toEqual([302, '/target?ref=mail']);
    expect((await get('/config/campaign?ref=other')).status).toBe(404);
    expect((await get('/config/host')).status).toBe(404);
    // fetch does not let a caller set Host; node:http does.
    expect(await withHost('/config/host', 'old.example')).toEqual({
      status: 301,
      location: '/target',
    });
  });
});

describe('proxy.ts from createRedirectProxy', () => {
  it.each([
    ['/proxy/permanent', 308, 'max-age=600'],
    ['/proxy/moved', 301, 'max-age=600'],
    ['/proxy/temporary', 307, 'no-store'],
  ])('%s answers exactly %i with Cache-Control %s', async (path, status, cache) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe('/target');
    expect(response.headers.get('cache-control')).toBe(cache);
  });

  it('sends off-site destinations as written', async () => {
    const response = await get('/proxy/away');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://example.com/elsewhere');
  });

  it('honours method conditions: 303 for POST, the app for GET', async () => {
    const post = await get('/proxy/see-other', { method: 'POST', body: 'a=1' });
    expect([post.status, post.headers.get('location')]).toEqual([303, '/target']);
    expect((await get('/proxy/see-other')).status).toBe(404);
  });

  it('fills wildcards, keeps the query and encodes non-ASCII', async () => {
    const docs = await get('/proxy/docs/a/b?v=2');
    expect([docs.status, docs.headers.get('location')]).toEqual([308, '/handbook/a/b?v=2']);
    const cafe = await get('/proxy/caf%C3%A9');
    expect([cafe.status, cafe.headers.get('location')]).toEqual([301, '/target/cr%C3%A8me']);
  });

  it('lets unmatched requests through to the app', async () => {
    const response = await get('/target');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('target');
  });

  it.each([
    '/proxy/go//evil.example',
    '/proxy/go/%2F%2Fevil.example',
    '/proxy/go/%5Cevil.example',
    '/proxy/go/%0D%0ASet-Cookie:%20x=1',
    '/proxy/go/%zz',
    '/proxy/go/<4,000 characters>',
  ])('answers the bad request %s without a 500 or an off-site Location', async (label) => {
    const response = await get(label.replace('<4,000 characters>', 'a/'.repeat(2_000)));
    expect(response.status).toBeLessThan(500);
    const location = response.headers.get('location');
    if (location !== null) expect(new URL(location, origin).origin).toBe(origin);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('route handler with redirectResponse', () => {
  it('answers a POST with 303 to a same-site target', async () => {
    const response = await get('/api/go?to=/target', { method: 'POST' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/target');
  });

  it('answers a GET with 307 and an encoded Location', async () => {
    const response = await get(`/api/go?to=${encodeURIComponent('/target/crème')}`);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/target/cr%C3%A8me');
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/x\r\nSet-Cookie: a=1',
  ])('keeps the open-redirect attempt %j on the site', async (to) => {
    const response = await get(`/api/go?to=${encodeURIComponent(to)}`);
    expect(response.status).toBeLessThan(500);
    const location = response.headers.get('location');
    if (location !== null) expect(new URL(location, origin).origin).toBe(origin);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
