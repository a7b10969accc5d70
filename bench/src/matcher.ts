import { freshPaths, generateRequests, generateRules, type Request } from './rules';
import { opsPerSecond, type Spread, spread } from './stats';
import { plainMap, redirectMap, type Strategy, strategies } from './strategies';

declare const gc: (() => void) | undefined;

/** Figures of one strategy at one size. */
export interface MatcherFigure {
  strategy: string;
  rules: number;
  allExact: boolean;
  lookupsPerSecond: Spread;
  buildMs: Spread;
  heapBytesPerRule: number | null;
  mismatches: number;
  checked: number;
}

function heapPerRule(
  strategy: Strategy,
  rules: Parameters<Strategy['build']>[0],
  requests: readonly Request[],
): number | null {
  if (typeof gc !== 'function') return null;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const lookup = strategy.build(rules);
  // Touch every rule once, so what is compiled lazily on first use is counted too.
  for (const request of requests) lookup(request.path);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (lookup('/') === -2) console.log('unreachable');
  return Math.max(0, (after - before) / rules.length);
}

/** Runs the matcher comparison at one size; strategies alternate within every run. */
export function benchMatcher(
  size: number,
  options: { runs: number; budgetMs: number; allExact?: boolean; only?: Strategy[] },
): MatcherFigure[] {
  const allExact = options.allExact ?? false;
  const rules = generateRules(size, allExact);
  const requests = generateRequests(size, 100_000, size, allExact);
  const chosen = options.only ?? strategies;
  const lookups = new Map<Strategy, number[]>();
  const builds = new Map<Strategy, number[]>();
  const mismatches = new Map<Strategy, { bad: number; checked: number }>();
  for (let run = 0; run < options.runs; run++) {
    for (const strategy of chosen) {
      const t0 = performance.now();
      const lookup = strategy.build(rules);
      builds.set(strategy, [...(builds.get(strategy) ?? []), performance.now() - t0]);
      if (run === 0) {
        // Zero mismatches: every complete strategy returns the generator's expected rule.
        let bad = 0;
        const sample = strategy === strategies.at(-1) && size > 1000 ? 300 : 5000;
        for (const request of requests.slice(0, sample)) {
          const got = lookup(request.path);
          const want = strategy.complete || got !== -1 ? request.expected : -1;
          if (strategy.complete ? got !== want : got !== -1 && got !== request.expected) bad++;
        }
        mismatches.set(strategy, { bad, checked: sample });
      }
      // One untimed pass first: JIT warm-up, and the redirect map compiles each destination
      // template on first use. The timed pass then sees fresh strings again.
      const warm = freshPaths(requests);
      opsPerSecond((i) => lookup(warm[i]!), options.budgetMs, warm.length);
      const paths = freshPaths(requests);
      const ops = opsPerSecond((i) => lookup(paths[i]!), options.budgetMs, paths.length);
      lookups.set(strategy, [...(lookups.get(strategy) ?? []), ops]);
    }
  }
  return chosen.map((strategy) => ({
    strategy: strategy.name,
    rules: size,
    allExact,
    lookupsPerSecond: spread(lookups.get(strategy)!),
    buildMs: spread(builds.get(strategy)!),
    heapBytesPerRule:
      strategy === redirectMap || strategy === plainMap
        ? heapPerRule(strategy, rules, touchAll(rules))
        : null,
    mismatches: mismatches.get(strategy)!.bad,
    checked: mismatches.get(strategy)!.checked,
  }));
}

// One request per rule, so every rule's destination is compiled once.
function touchAll(rules: readonly { from: string }[]): Request[] {
  return rules.map((rule, i) => ({
    path: rule.from.replace(':slug', 'x').replace('/*', '/a/b'),
    expected: i,
  }));
}
