import { createRedirectMap, type RedirectRule } from '@org/redirect-core';
import { freshPaths, generateRequests, generateRules } from './rules';
import { type Spread, spread } from './stats';

/** One lookup case of the adversarial benchmark. */
export interface AdversarialFigure {
  case: string;
  rules: number;
  /** Microseconds per lookup, over the runs. */
  microsPerLookup: Spread;
}

// 2^bits rules of `bits` segments, each `a` or a param, then `x`: every branch of the segment
// tree matches `/a/a/...`, so a tree search visits all 2^(bits+1) nodes for a path ending in
// `/y` (no rule matches) — the rule set of issue #17.
function mixedRules(bits: number): RedirectRule[] {
  return Array.from({ length: 2 ** bits }, (_, mask) => {
    let from = '';
    for (let bit = 0; bit < bits; bit++) from += mask & (1 << bit) ? `/:p${bit}` : '/a';
    return { from: `${from}/x`, to: `/to/${mask}` };
  });
}

function microsPer(lookup: (i: number) => unknown, count: number): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) if (lookup(i) !== undefined) sink++;
  const micros = ((performance.now() - start) * 1000) / count;
  if (sink < 0) console.log(sink);
  return micros;
}

/**
 * Lookup time on 2^16 mixed literal/param rules (a miss and a hit), next to the normal case
 * (the generated rule set of the matcher benchmark at the same size) in the same process.
 */
export function benchAdversarial(runs: number): AdversarialFigure[] {
  const bits = 16;
  const size = 2 ** bits;
  const adversarial = createRedirectMap(mixedRules(bits), { cache: { permanentMaxAge: null } });
  const normal = createRedirectMap(generateRules(size, false), {
    cache: { permanentMaxAge: null },
  });
  const requests = generateRequests(size, 100_000, size, false);
  const miss = `${'/a'.repeat(bits)}/y`;
  const hit = `${'/a'.repeat(bits)}/x`;
  const cases: [string, (i: number) => unknown, number][] = [
    [
      'normal: generated rules, mixed requests',
      (i) => normal.match({ url: paths[i % paths.length]! }),
      100_000,
    ],
    [
      'adversarial: 2^16 mixed rules, no rule matches',
      () => adversarial.match({ url: miss }),
      2_000,
    ],
    [
      'adversarial: 2^16 mixed rules, every rule matches',
      () => adversarial.match({ url: hit }),
      2_000,
    ],
  ];
  let paths = freshPaths(requests);
  const figures = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const [name, lookup, count] of cases) {
      paths = freshPaths(requests);
      microsPer(lookup, count); // warm-up: JIT, and destinations compiled on first use
      paths = freshPaths(requests);
      figures.set(name, [...(figures.get(name) ?? []), microsPer(lookup, count)]);
    }
  }
  return cases.map(([name]) => ({
    case: name,
    rules: size,
    microsPerLookup: spread(figures.get(name)!),
  }));
}
