import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  createRedirectMap,
  type MatchAnswer,
  parseRedirects,
  type RedirectMap,
} from '@org/redirect-core';
import { freePort } from '@org/test-utils/port';
import { parse, type Token } from 'path-to-regexp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real `next build` + `next start` of ./next-app, whose next.config returns the redirects of
// ./fixtures/next-redirects.json; every generated request goes to Next over a socket and to the
// map parsed from the same file.
const app = fileURLToPath(new URL('./next-app/', import.meta.url));
const text = readFileSync(new URL('./fixtures/next-redirects.json', import.meta.url), 'utf8');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };

let server: ChildProcess | undefined;
let port = 0;

async function waitUntilUp(child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      await send({ path: '/', headers: {} });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer within 60 s:\n${output()}`);
}

beforeAll(async () => {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [nextBin, 'build'], {
    cwd: app,
    env,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`next build failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  console.info(`next differential: next build took ${Math.round(performance.now() - started)} ms`);
  port = await freePort();
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
  await waitUntilUp(child, () => log);
}, 300_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

interface Probe {
  readonly path: string;
  readonly headers: Record<string, string>;
}

function send(probe: Probe): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: probe.path,
        headers: { host: 'site.test', ...probe.headers },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.once('error', reject);
    req.end();
  });
}

// Sample values for each token of a path-to-regexp source.
function samplePaths(source: string): string[] {
  let paths = [''];
  for (const token of parse(source) as Token[]) {
    let options: string[];
    if (typeof token === 'string') options = [token];
    else {
      // An alternation of words (`(v6|v7)`): each word, and one that is not.
      const words = /^[\w.-]+(\|[\w.-]+)+$/.test(token.pattern) ? token.pattern.split('|') : [];
      const one =
        token.pattern === '\\d+'
          ? ['42', 'x1']
          : [...words, 'v1', 'Hello', 'caf%C3%A9'].slice(0, words.length + 3);
      const many = token.pattern === '\\d+' ? ['42'] : ['a', 'a/b', 'A/b/c'];
      const values =
        token.modifier === '*' || token.modifier === '+'
          ? many
          : token.pattern === '.*'
            ? ['', 'x/y']
            : one;
      options = [
        ...(token.modifier === '*' || token.modifier === '?' ? [''] : []),
        ...values.map((value) => `${token.prefix}${value}${token.suffix}`),
      ];
    }
    paths = paths.flatMap((path) => options.map((option) => `${path}${option}`));
  }
  return paths.map((path) => (path === '' ? '/' : path));
}

function probes(): Probe[] {
  return probesFor(JSON.parse(text) as { source: string }[], [
    {},
    { 'x-test': 'yes' },
    { 'x-test': 'no' },
    { cookie: 'session=abc' },
    { cookie: 'seen=1' },
    { host: 'alt.example.test' },
  ]);
}

function probesFor(
  entries: readonly { source: string }[],
  headerSets: readonly Record<string, string>[],
  deeper = false,
): Probe[] {
  const out: Probe[] = [];
  const seen = new Set<string>();
  const add = (path: string, headers: Record<string, string> = {}) => {
    const key = `${path} ${JSON.stringify(headers)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, headers });
  };
  const queries = [
    '',
    '?utm=1',
    '?page=7',
    '?page=x',
    '?ref',
    '?ref=r',
    '?x=1&x=2',
    '?a=9',
    '?q=a%20b&q=c',
  ];
  for (const { source } of entries) {
    // Next redirects a path with `//` or `\` (308, single slashes) before its redirects run.
    const first = samplePaths(source)[0]!;
    const last = first.lastIndexOf('/');
    add(`/${first}`);
    add(`${first.slice(0, last)}/${first.slice(last)}?utm=1`);
    add(`${first.slice(0, last)}\\${first.slice(last + 1)}`);
    add(`${first}//`);
    for (const path of samplePaths(source)) {
      const variants = [path, `${path}/`.replace(/\/\/$/, '/'), path.toUpperCase()];
      if (deeper) variants.push(`${path.replace(/\/$/, '')}/deeper`);
      for (const variant of new Set(variants)) {
        for (const query of queries) add(`${variant}${query}`);
        for (const headers of headerSets) add(variant, headers);
      }
    }
  }
  for (const miss of [
    '/nope',
    '/blog',
    '/blog/a/b',
    '/plus',
    '/post',
    '/files/x.htm',
    '/v/info',
    '/_next/x',
  ]) {
    add(miss);
    add(`${miss}?utm=1`);
  }
  return out;
}

/**
 * What the map is asked: the request target, or for one that starts with `//` the absolute URL
 * (the map reads a string `//x` as a protocol-relative URL, not as a path).
 */
function target(probe: Probe): string {
  return probe.path.startsWith('//')
    ? `http://${probe.headers.host ?? 'site.test'}${probe.path}`
    : probe.path;
}

function describeAnswer(answer: MatchAnswer | null): string {
  if (answer === null) return 'null';
  return answer.kind === 'serve'
    ? `serve ${answer.status}`
    : `${answer.status} ${answer.location} (rule ${answer.rule.index + 1})`;
}

/**
 * Sends `all` to next start, 16 at a time (one server, bounded concurrency), and compares each
 * answer with the map's. A redirect to `/unmatched-real` is the real lists' "no entry matched".
 */
async function compareWithNext(map: RedirectMap, all: readonly Probe[]) {
  const disagreements: string[] = [];
  let agreed = 0;
  let redirected = 0;
  for (let start = 0; start < all.length; start += 16) {
    const batch = all.slice(start, start + 16);
    const answers = await Promise.all(batch.map(send));
    for (const [i, probe] of batch.entries()) {
      const theirs = answers[i]!;
      const host = probe.headers.host ?? 'site.test';
      const ours = map.match({ url: target(probe), headers: { host, ...probe.headers } });
      const base = `http://${host}${probe.path}`;
      const unmatched =
        theirs.location !== undefined &&
        new URL(theirs.location, base).pathname === '/unmatched-real';
      const nextRedirects = theirs.status >= 300 && theirs.status < 400 && !unmatched;
      if (nextRedirects) redirected += 1;
      const same = nextRedirects
        ? ours?.kind === 'redirect' &&
          ours.status === theirs.status &&
          new URL(ours.location, base).href === new URL(theirs.location ?? '', base).href
        : ours === null;
      if (same) agreed += 1;
      else {
        disagreements.push(
          `${probe.path} ${JSON.stringify(probe.headers)}: next ${theirs.status} ${theirs.location ?? ''}, map ${describeAnswer(ours)}`,
        );
      }
    }
  }
  return { agreed, redirected, disagreements };
}

describe('Next.js redirects(): the map answers as next start', () => {
  it('agrees on every generated request', async () => {
    const parsed = parseRedirects(text, 'next', { file: 'next-redirects.json' });
    const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
    const all = probes();
    const { agreed, redirected, disagreements } = await compareWithNext(map, all);
    console.info(
      `next redirects(): ${all.length} requests (${redirected} redirected by Next), ${agreed} agree (${((100 * agreed) / all.length).toFixed(2)}%)`,
    );
    expect(disagreements).toEqual([]);
    // Both outcomes are exercised: redirects, and requests Next lets through.
    expect(redirected).toBeGreaterThan(500);
    expect(all.length - redirected).toBeGreaterThan(200);
  }, 120_000);
});

// Real public lists (fixtures/real/SOURCES.md), built into the same app: each answers only its
// host `<id>.real.test`; what none of its entries matches goes to /unmatched-real (no match).
const realLists = JSON.parse(
  readFileSync(new URL('./fixtures/real/next-lists.json', import.meta.url), 'utf8'),
) as { id: string; file: string }[];

/** At most this many requests per list, spread evenly over its generated requests. */
const REAL_CAP = 12_000;

describe.each(realLists)('real list $file: the map answers as next start', ({ id, file }) => {
  it('agrees on every generated request', async () => {
    const raw = readFileSync(new URL(`./fixtures/real/${file}`, import.meta.url), 'utf8');
    const data = JSON.parse(raw) as
      | { redirects?: Record<string, unknown>[] }
      | Record<string, unknown>[];
    const entries = (Array.isArray(data) ? data : (data.redirects ?? [])) as {
      source: string;
      permanent?: boolean;
      statusCode?: number;
    }[];
    // vercel.json reads as Next.js reads the same entries with Vercel's default status spelled out.
    const asNext = entries.map((entry) =>
      entry.permanent === undefined && entry.statusCode === undefined
        ? { permanent: true, ...entry }
        : entry,
    );
    const parsed = parseRedirects(JSON.stringify(asNext), 'next', { file });
    const vercel = parseRedirects(raw, 'vercel', { file });
    expect(vercel.rules).toEqual(parsed.rules.slice(1));
    const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
    const host = `${id}.real.test`;
    const generated = probesFor(asNext, [{}], true);
    const stride = Math.max(1, Math.ceil(generated.length / REAL_CAP));
    const all = generated
      .filter((_, i) => i % stride === 0)
      .map((probe) => ({ ...probe, headers: { ...probe.headers, host } }));
    const { agreed, redirected, disagreements } = await compareWithNext(map, all);
    console.info(
      `real ${file}: ${entries.length} entries, ${all.length} requests of ${generated.length} generated (${redirected} redirected by Next), ${agreed} agree (${((100 * agreed) / all.length).toFixed(2)}%)`,
    );
    expect(disagreements.slice(0, 40)).toEqual([]);
    expect(redirected).toBeGreaterThan(entries.length);
  }, 120_000);
});
