// `npm run bench`: measures the matcher, nextRequest, the adapters and the edge bundle size,
// then writes BENCHMARKS.md and results.json beside this package. Ratios are always taken
// against a baseline measured in the same run.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAdapters } from './adapters';
import { benchMatcher, type MatcherFigure } from './matcher';
import { benchNextRequest } from './next-request';
import { renderReport } from './report';
import { benchSize } from './size';
import { plainMap, redirectMap } from './strategies';

const quick = process.argv.includes('--quick');
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
for (const size of [100, 1_000, 10_000, 100_000]) {
  log(`matcher: ${size} rules`);
  matcher.push(...benchMatcher(size, { runs, budgetMs }));
}
log('matcher: 100000 rules, all exact');
matcher.push(
  ...benchMatcher(100_000, { runs, budgetMs, allExact: true, only: [redirectMap, plainMap] }),
);

log('nextRequest');
const nextRequest = benchNextRequest(runs, budgetMs);
log('edge bundle size');
const size = await benchSize();
log('adapters (autocannon)');
const adapters = await benchAdapters(quick ? 1 : 5, quick ? 1 : 3);
log('done');

const results = {
  machine,
  runs,
  matcher,
  nextRequest,
  adapters,
  size,
  seconds: (performance.now() - started) / 1000,
};
const here = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
writeFileSync(here('results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('BENCHMARKS.md'), renderReport(results));
console.log(renderReport(results));
