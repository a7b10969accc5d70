// `npm run bench`: measures the matcher, nextRequest, the adapters and the edge bundle size,
// then writes BENCHMARKS.md and results.json beside this package. Ratios are always taken
// against a baseline measured in the same run.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAdapters } from './adapters';
import { benchAdversarial } from './adversarial';
import { benchMatcher, type MatcherFigure } from './matcher';
import { benchNextRequest } from './next-request';
import { benchRedis, renderRedis } from './redis';
import { renderReport } from './report';
import { benchSize } from './size';
import { plainMap, redirectMap } from './strategies';

const quick = process.argv.includes('--quick');
// `--only=adapters` (or matcher, adversarial, next-request, size, redis; comma-separated) runs only those sections
// and prints them without touching BENCHMARKS.md or results.json.
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section: string) => !only || only.includes(section);
// `--frameworks=fastify,koa` limits the adapter section to those frameworks.
const frameworks = process.argv
  .find((arg) => arg.startsWith('--frameworks='))
  ?.slice('--frameworks='.length)
  .split(',');
const runs = quick ? 2 : 7;
const budgetMs = quick ? 100 : 250;
const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};

const matcher: MatcherFigure[] = [];
if (wanted('matcher')) {
  for (const size of [100, 1_000, 10_000, 100_000]) {
    log(`matcher: ${size} rules`);
    matcher.push(...benchMatcher(size, { runs, budgetMs }));
  }
  log('matcher: 100000 rules, all exact');
  matcher.push(
    ...benchMatcher(100_000, { runs, budgetMs, allExact: true, only: [redirectMap, plainMap] }),
  );
}

log('matcher: adversarial rule sets (2^16 mixed literal/param rules)');
const adversarial = wanted('adversarial') ? benchAdversarial(quick ? 3 : 7) : [];
log('nextRequest');
const nextRequest = wanted('next-request') ? benchNextRequest(runs, budgetMs) : [];
log('edge bundle size');
const size = wanted('size') ? await benchSize() : [];
log('adapters (wrk)');
const adapters = wanted('adapters')
  ? await benchAdapters(quick ? 1 : 9, quick ? 1 : 3, quick ? 2 : 4, 1, frameworks)
  : [];
log('redis (live maps: swap time, p99 during swaps)');
const redis = wanted('redis') ? await benchRedis(quick ? 3 : 7, quick ? 3 : 5) : undefined;
log('done');

const results = {
  machine,
  runs,
  matcher,
  adversarial,
  nextRequest,
  adapters,
  size,
  redis,
  seconds: (performance.now() - started) / 1000,
};
if (only) {
  console.log(
    JSON.stringify({ matcher, adversarial, nextRequest, adapters, size, redis }, null, 2),
  );
} else {
  const here = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
  writeFileSync(here('results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results) + (redis ? renderRedis(redis) : '');
  writeFileSync(here('BENCHMARKS.md'), report);
  console.log(report);
}
