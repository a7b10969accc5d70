// Live maps on Redis: how long a swap takes (publish acknowledged -> new map in use, and the
// compile alone) at 10k and 100k rules, and request latency p99 while maps are swapped
// compared with steady state. Runs alone with `node dist/run.js --only=redis` after `node build.mjs`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRedirectMap, type RedirectRule } from '@org/redirect-core';
import {
  createRedisRedirectSource,
  publishRedirects,
  rollbackRedirects,
} from '@org/redirect-redis';
import { startRedis } from '@org/test-utils/redis';
import autocannon from 'autocannon';
import { generateRules, hitPath } from './rules';
import { type Spread, spread } from './stats';

const appScript = fileURLToPath(new URL('./redis-app.js', import.meta.url));

/** Swap figures at one map size, in milliseconds. */
export interface SwapFigure {
  rules: number;
  /** Publish acknowledged by Redis -> the instance answers with the new map. */
  swapMs: Spread;
  /** `createRedirectMap` alone on the same rules (the part of the swap that blocks the loop). */
  compileMs: Spread;
  /** The publish call: validate, encode, hash and the Lua script. */
  publishMs: Spread;
}

/** Latency of a rule hit through Koa on a Redis source, steady and while swapping. */
export interface LatencyFigure {
  rules: number;
  /** Milliseconds between swaps while swapping. */
  everyMs?: number;
  steady: { p50: number; p99: number; max: number; rps: number };
  swapping: { p50: number; p99: number; max: number; rps: number; swaps: number };
}

/** Everything the Redis benchmark measures. */
export interface RedisFigures {
  swap: SwapFigure[];
  latency: LatencyFigure[];
}

/** The generated rules with every destination under `/<tag>`, so each version differs. */
const tagged = (count: number, tag: string): RedirectRule[] =>
  generateRules(count).map((rule) => ({ ...rule, to: `/${tag}${rule.to}` }));

async function swapTimes(url: string, count: number, runs: number): Promise<SwapFigure> {
  const key = `bench:swap:${count}`;
  await publishRedirects({ url, key, rules: tagged(count, 'v0'), analyze: false });
  const source = await createRedisRedirectSource({ url, key, pollIntervalMs: 0 });
  const swap: number[] = [];
  const compile: number[] = [];
  const publishing: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const rules = tagged(count, `v${run}`);
    let start = 0;
    const swapped = new Promise<number>((resolve) =>
      source.once('update', () => resolve(performance.now())),
    );
    const before = performance.now();
    await publishRedirects({ url, key, rules, analyze: false });
    start = performance.now();
    publishing.push(start - before);
    swap.push((await swapped) - start);
    const t = performance.now();
    createRedirectMap(rules);
    compile.push(performance.now() - t);
  }
  await source.close();
  return {
    rules: count,
    swapMs: spread(swap),
    compileMs: spread(compile),
    publishMs: spread(publishing),
  };
}

async function startApp(url: string, key: string) {
  // The app gets core 0; this process (autocannon and the rollbacks) runs on core 1.
  const child: ChildProcess = spawn('taskset', ['-c', '0', process.execPath, appScript, url, key], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench redis app exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
  });
  return { port, stop: () => child.kill('SIGKILL') };
}

const figure = (result: Awaited<ReturnType<typeof autocannon>>) => ({
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  rps: result.requests.average,
});

async function latency(
  url: string,
  count: number,
  seconds: number,
  everyMs: number,
): Promise<LatencyFigure> {
  const key = `bench:latency:${count}`;
  // Two versions to swap between with rollbacks: each one is a full read, check, compile and
  // swap in the app, while the publisher costs nothing.
  const a = await publishRedirects({ url, key, rules: tagged(count, 'a'), analyze: false });
  const b = await publishRedirects({ url, key, rules: tagged(count, 'b'), analyze: false });
  const app = await startApp(url, key);
  const load = () =>
    autocannon({
      url: `http://127.0.0.1:${app.port}${hitPath}`,
      connections: 16,
      duration: seconds,
    });
  await autocannon({ url: `http://127.0.0.1:${app.port}${hitPath}`, connections: 16, duration: 1 });
  const steady = figure(await load());
  let swaps = 0;
  let swapping = true;
  const swapper = (async () => {
    while (swapping) {
      const version = swaps % 2 === 0 ? a.version : b.version;
      await rollbackRedirects({ url, key, version });
      swaps++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  const during = figure(await load());
  swapping = false;
  await swapper;
  app.stop();
  return { rules: count, steady, swapping: { ...during, swaps } };
}

/** Swap times and latency at 10k and 100k rules. */
export async function benchRedis(runs: number, seconds: number): Promise<RedisFigures> {
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  // Redis shares core 1 with the load generator; the app under test has core 0.
  const redis = await startRedis({ cpus: '1', who: 'bench' });
  try {
    const swap: SwapFigure[] = [];
    const latencies: LatencyFigure[] = [];
    for (const count of [10_000, 100_000]) {
      const times = await swapTimes(redis.url, count, runs);
      swap.push(times);
      // Swaps far enough apart that the app is not compiling all the time: twice a swap.
      const everyMs = Math.max(250, Math.round(2 * times.swapMs.median));
      latencies.push({ ...(await latency(redis.url, count, seconds, everyMs)), everyMs });
    }
    return { swap, latency: latencies };
  } finally {
    await redis.stop();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The Markdown section of BENCHMARKS.md for these figures. */
export function renderRedis(figures: RedisFigures): string {
  const out = [
    '',
    '## Live maps on Redis (`@org/redirect-redis`)',
    '',
    'Swap: publish acknowledged by Redis until the instance answers with the new map (notification, read, validation, hash check, compile, swap); median (min–max).',
    '',
    '| rules | swap | of which compile | publish call |',
    '| ---: | ---: | ---: | ---: |',
    ...figures.swap.map(
      (f) =>
        `| ${f.rules.toLocaleString('en')} | ${ms(f.swapMs.median)} (${ms(f.swapMs.min)}–${ms(f.swapMs.max)}) | ${ms(f.compileMs.median)} | ${ms(f.publishMs.median)} |`,
    ),
    '',
    'Latency of a rule hit through Koa on a Redis source (app on one core, autocannon with 16 connections on the other), steady and while the map is swapped (rollbacks between two versions, one every twice the swap time, at least 250 ms).',
    '',
    '| rules | steady p50 | steady p99 | swapping p50 | swapping p99 | swapping max | swaps (every) | req/s steady | req/s swapping |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...figures.latency.map(
      (f) =>
        `| ${f.rules.toLocaleString('en')} | ${f.steady.p50} ms | ${f.steady.p99} ms | ${f.swapping.p50} ms | ${f.swapping.p99} ms | ${f.swapping.max} ms | ${f.swapping.swaps} (${f.everyMs ?? 250} ms) | ${f.steady.rps.toFixed(0)} | ${f.swapping.rps.toFixed(0)} |`,
    ),
    '',
  ];
  return out.join('\n');
}
