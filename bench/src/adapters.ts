import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hitPath } from './rules';
import { type Spread, spread } from './stats';

const serverScript = fileURLToPath(new URL('./server.js', import.meta.url));

async function start(framework: string, mode: string, rules: number) {
  // The server gets core 0; this process (the load generator) runs on core 1.
  const child: ChildProcess = spawn(
    'taskset',
    ['-c', '0', process.execPath, serverScript, framework, mode, String(rules)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
  });
  return { port, stop: () => child.kill('SIGKILL') };
}

/** One pair: a baseline server and ours, answering the same path. */
interface Pair {
  name: string;
  framework: 'fastify' | 'koa' | 'express' | 'hono';
  baseline: string;
  ours: string;
  path: string;
  /** Whether the pair is held to the ≥ 0.95x target (default) or shown for the record. */
  target?: boolean;
}

const pairs: Pair[] = [
  {
    name: 'non-matching route, 100k rules vs bare',
    framework: 'fastify',
    baseline: 'bare',
    ours: 'plugin',
    path: '/hello',
  },
  {
    name: 'rule hit vs hand-written redirect',
    framework: 'fastify',
    baseline: 'handwritten',
    ours: 'plugin',
    path: hitPath,
  },
  {
    name: 'non-matching route, 100k rules vs bare',
    framework: 'koa',
    baseline: 'bare',
    ours: 'plugin',
    path: '/hello',
  },
  {
    name: 'rule hit vs hand-written redirect',
    framework: 'koa',
    baseline: 'handwritten',
    ours: 'plugin',
    path: hitPath,
  },
  {
    name: 'non-matching route, 100k rules vs bare',
    framework: 'express',
    baseline: 'bare',
    ours: 'plugin',
    path: '/hello',
  },
  {
    name: 'rule hit vs hand-written redirect',
    framework: 'express',
    baseline: 'handwritten',
    ours: 'plugin',
    path: hitPath,
  },
  // Hono, both ways of installing a map: withRedirects(app) in front of the router, and the
  // redirects() middleware (also against a no-op middleware, to show Hono's own middleware cost).
  {
    name: 'withRedirects(app): non-matching route, 100k rules vs bare',
    framework: 'hono',
    baseline: 'bare',
    ours: 'wrapped',
    path: '/hello',
  },
  {
    name: 'withRedirects(app): rule hit vs hand-written redirect',
    framework: 'hono',
    baseline: 'handwritten',
    ours: 'wrapped',
    path: hitPath,
  },
  {
    name: 'redirects() middleware: non-matching route, 100k rules vs a no-op middleware',
    framework: 'hono',
    baseline: 'noop',
    ours: 'plugin',
    path: '/hello',
    target: false,
  },
  {
    name: 'redirects() middleware: non-matching route, 100k rules vs bare',
    framework: 'hono',
    baseline: 'bare',
    ours: 'plugin',
    path: '/hello',
  },
  {
    name: 'redirects() middleware: rule hit vs hand-written redirect',
    framework: 'hono',
    baseline: 'handwritten',
    ours: 'plugin',
    path: hitPath,
  },
];

/**
 * Fails unless the server gives the answer the comparison is about: a 301 for the rule hit, a
 * 200 for `/hello`. (The hit path once matched no rule, so both sides measured a 404.)
 */
async function expectAnswer(port: number, pair: Pair): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}${pair.path}`, { redirect: 'manual' });
  await response.arrayBuffer();
  const expected = pair.path === hitPath ? 301 : 200;
  if (response.status !== expected) {
    throw new Error(
      `bench: ${pair.framework} answered ${pair.path} with ${response.status}, not ${expected}`,
    );
  }
}

/** Figures of one adapter pair. */
export interface AdapterFigure {
  framework: string;
  name: string;
  baseline: Spread;
  ours: Spread;
  ratio: number;
  /** Whether the ≥ 0.95x target applies. */
  target: boolean;
}

/** req/s of each pair, runs alternating between baseline and ours. */
export async function benchAdapters(
  runs: number,
  seconds: number,
  frameworks?: readonly string[],
): Promise<AdapterFigure[]> {
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const figures: AdapterFigure[] = [];
  for (const pair of pairs) {
    if (frameworks && !frameworks.includes(pair.framework)) continue;
    const baseline = await start(pair.framework, pair.baseline, 100_000);
    const ours = await start(pair.framework, pair.ours, 100_000);
    await expectAnswer(baseline.port, pair);
    await expectAnswer(ours.port, pair);
    const load = (port: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}${pair.path}`,
        connections: 32,
        duration: seconds,
      });
    await load(baseline.port); // warm-up
    await load(ours.port);
    const a: number[] = [];
    const b: number[] = [];
    for (let run = 0; run < runs; run++) {
      a.push((await load(baseline.port)).requests.average);
      b.push((await load(ours.port)).requests.average);
    }
    baseline.stop();
    ours.stop();
    const base = spread(a);
    const mine = spread(b);
    figures.push({
      framework: pair.framework,
      name: pair.name,
      baseline: base,
      ours: mine,
      ratio: mine.median / base.median,
      target: pair.target ?? true,
    });
  }
  return figures;
}
