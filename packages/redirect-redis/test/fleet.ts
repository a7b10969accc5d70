// Helpers of the fleet tests: app processes on one Redis, a bounded load of concurrent
// requests, and the checks on what every response said.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Bundles test/app.ts with the workspace packages read from source (as the tests read them);
 * the frameworks and the Redis client stay imports, resolved from the monorepo's node_modules.
 */
export async function buildApp(): Promise<string> {
  const outdir = here('./dist');
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/app.mjs`;
  await build({
    entryPoints: [here('./app.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@org/source'],
    logLevel: 'warning',
    plugins: [
      {
        name: 'third-party-external',
        setup(bundle) {
          // Core's own dependencies are bundled (resolved from core, as they are at run time).
          bundle.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@org/') || args.importer.includes('/redirect-core/')
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}

/** One running app process. */
export interface App {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
  state(): Promise<AppState>;
  stop(): void;
}

/** What GET /__source answers. */
export interface AppState {
  version: string | undefined;
  connected: boolean;
  /** `Date.now()` in the app when its map last changed. */
  swappedAt: number;
  errors: { kind: string; version: string | undefined; message: string }[];
}

/** Starts the bundled app as `framework` on Redis `url`, following `key`. */
export function startApp(
  script: string,
  framework: string,
  url: string,
  key: string,
): Promise<App> {
  const child = spawn(process.execPath, [script, framework, url, key], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${framework} app exited with ${code}:\n${stderr}`)),
    );
    child.stdout!.once('data', (chunk: Buffer) => {
      child.removeAllListeners('exit');
      const { port } = JSON.parse(String(chunk)) as { port: number };
      const base = `http://127.0.0.1:${port}`;
      resolve({
        name: framework,
        url: base,
        process: child,
        state: async () => (await (await fetch(`${base}/__source`)).json()) as AppState,
        stop: () => child.kill('SIGKILL'),
      });
    });
  });
}

/** One answered (or failed) request of the load. */
export interface Sample {
  app: string;
  rule: number;
  start: number;
  end: number;
  status: number;
  /** The version in the Location (`/v<version>/...`), or -1. */
  version: number;
  location: string | null;
  error?: string;
}

/** The 10k rules of map version `n`: every Location names the version and the rule. */
export function versionRules(n: number, count = 10_000) {
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 9
      ? { from: `/p${i}/:slug`, to: `/v${n}/t/${i}/:slug`, status: 301 as const }
      : { from: `/e/${i}`, to: `/v${n}/t/${i}`, status: 301 as const },
  );
}

const pathOf = (rule: number) => (rule % 10 === 9 ? `/p${rule}/x` : `/e/${rule}`);
const expectedTail = (rule: number) => (rule % 10 === 9 ? `/t/${rule}/x` : `/t/${rule}`);

/**
 * Sends requests from `workers` concurrent loops across `apps` until `stop()` is called or
 * `limit` requests are done; resolves with every sample.
 */
export function load(
  apps: readonly App[],
  options: { workers: number; limit: number; rules: number },
) {
  const samples: Sample[] = [];
  let stopped = false;
  let sent = 0;
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % options.rules;
  };
  const worker = async (w: number) => {
    while (!stopped && sent < options.limit) {
      const app = apps[(sent + w) % apps.length]!;
      sent++;
      const rule = next();
      const start = performance.now();
      try {
        const response = await fetch(`${app.url}${pathOf(rule)}`, { redirect: 'manual' });
        await response.arrayBuffer();
        const location = response.headers.get('location');
        const match = location?.match(/^\/v(\d+)(\/t\/.*)$/);
        const version = match && match[2] === expectedTail(rule) ? Number(match[1]) : -1;
        samples.push({
          app: app.name,
          rule,
          start,
          end: performance.now(),
          status: response.status,
          version,
          location,
        });
      } catch (error) {
        samples.push({
          app: app.name,
          rule,
          start,
          end: performance.now(),
          status: 0,
          version: -1,
          location: null,
          error: String((error as Error).cause ?? error),
        });
      }
    }
  };
  const running = Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return {
    /** How many requests are done so far. */
    get done() {
      return samples.length;
    },
    async stop(): Promise<Sample[]> {
      stopped = true;
      await running;
      return samples;
    },
  };
}

/** What the checks found in a load's samples. */
export interface Verdict {
  total: number;
  failed: number;
  serverErrors: number;
  /** Responses whose Location is not `/v<published version>/t/<the rule asked>`. */
  foreign: number;
  /** Responses older than one that finished on the same app before they started. */
  wentBack: number;
  versions: number[];
}

/**
 * Checks samples: no failures, no 5xx, every Location from a published version and for the
 * rule asked, and per app never an older version after a newer one was seen (the swap is one
 * step: no request sees a mix of the two maps).
 */
export function verdict(samples: readonly Sample[], published: ReadonlySet<number>): Verdict {
  let wentBack = 0;
  for (const app of new Set(samples.map((sample) => sample.app))) {
    const mine = samples.filter((sample) => sample.app === app && sample.version > 0);
    const byEnd = [...mine].sort((a, b) => a.end - b.end);
    const byStart = [...mine].sort((a, b) => a.start - b.start);
    let seen = 0;
    let i = 0;
    for (const sample of byStart) {
      while (i < byEnd.length && byEnd[i]!.end < sample.start)
        seen = Math.max(seen, byEnd[i++]!.version);
      if (sample.version < seen) wentBack++;
    }
  }
  return {
    total: samples.length,
    failed: samples.filter((sample) => sample.status === 0).length,
    serverErrors: samples.filter((sample) => sample.status >= 500).length,
    foreign: samples.filter((sample) => sample.status !== 0 && !published.has(sample.version))
      .length,
    wentBack,
    versions: [...new Set(samples.map((sample) => sample.version))].sort((a, b) => a - b),
  };
}
