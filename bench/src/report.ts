import type { AdapterFigure } from './adapters';
import type { AdversarialFigure } from './adversarial';
import type { MatcherFigure } from './matcher';
import type { SizeFigure } from './size';
import { fmtOps, fmtRatio, fmtSpread, type Spread } from './stats';

interface Results {
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; date: string };
  runs: number;
  matcher: MatcherFigure[];
  adversarial?: AdversarialFigure[];
  nextRequest: { scenario: string; opsPerSecond: Spread }[];
  adapters: AdapterFigure[];
  size: SizeFigure[];
  seconds: number;
}

const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** BENCHMARKS.md from one run's results. */
export function renderReport(r: Results): string {
  const lines: string[] = [];
  const find = (strategy: string, rules: number, allExact = false) =>
    r.matcher.find((f) => f.strategy === strategy && f.rules === rules && f.allExact === allExact);
  lines.push('# Benchmarks', '');
  lines.push(
    `Command: \`npm run bench\` (root). Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node.js ${r.machine.node}; ${r.machine.date}; ${r.seconds.toFixed(0)} s in all.`,
    `Every figure is the median of ${r.runs} runs with min–max in brackets; every ratio is against a baseline measured in the same run.`,
    '',
  );
  lines.push('## Matcher: lookups/s', '');
  lines.push(
    'Rules: 70% exact, 20% one-param, 10% splat; requests: 80% hits, 20% misses, fresh strings each run. `Map` answers exact paths only (the physical limit).',
    '',
    '| rules | strategy | lookups/s | vs Map | vs find-my-way | build | heap/rule | mismatches |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const f of r.matcher) {
    const map = find('Map (exact paths only)', f.rules, f.allExact);
    const fmw = find('find-my-way', f.rules, f.allExact);
    lines.push(
      `| ${f.rules.toLocaleString('en-US')}${f.allExact ? ' (all exact)' : ''} | ${f.strategy} | ${fmtSpread(f.lookupsPerSecond)} | ${map ? fmtRatio(f.lookupsPerSecond.median / map.lookupsPerSecond.median) : '–'} | ${fmw ? fmtRatio(f.lookupsPerSecond.median / fmw.lookupsPerSecond.median) : '–'} | ${fmtSpread(f.buildMs, ms)} | ${f.heapBytesPerRule === null ? '–' : `${f.heapBytesPerRule.toFixed(0)} B`} | ${f.mismatches}/${f.checked} |`,
    );
  }
  lines.push('', '## Targets', '', '| target | measured | verdict |', '| --- | --- | --- |');
  for (const size of [100, 1_000, 10_000, 100_000]) {
    const ours = find('createRedirectMap', size);
    const fmw = find('find-my-way', size);
    if (ours && fmw) {
      const ratio = ours.lookupsPerSecond.median / fmw.lookupsPerSecond.median;
      lines.push(
        `| >= 1.5x find-my-way at ${size.toLocaleString('en-US')} | ${fmtRatio(ratio)} | ${verdict(ratio >= 1.5)} |`,
      );
    }
  }
  const ours100k = find('createRedirectMap', 100_000);
  const map100k = find('Map (exact paths only)', 100_000);
  if (ours100k && map100k) {
    const ratio = ours100k.lookupsPerSecond.median / map100k.lookupsPerSecond.median;
    lines.push(`| >= 0.25x Map at 100k (mixed) | ${fmtRatio(ratio)} | ${verdict(ratio >= 0.25)} |`);
    lines.push(
      `| build <= 300 ms at 100k | ${ms(ours100k.buildMs.median)} | ${verdict(ours100k.buildMs.median <= 300)} |`,
    );
    if (ours100k.heapBytesPerRule !== null) {
      lines.push(
        `| <= 400 B heap/rule at 100k | ${ours100k.heapBytesPerRule.toFixed(0)} B | ${verdict(ours100k.heapBytesPerRule <= 400)} |`,
      );
    }
  }
  const oursExact = find('createRedirectMap', 100_000, true);
  const mapExact = find('Map (exact paths only)', 100_000, true);
  if (oursExact && mapExact) {
    const ratio = oursExact.lookupsPerSecond.median / mapExact.lookupsPerSecond.median;
    lines.push(
      `| >= 0.8x Map at 100k, all exact | ${fmtRatio(ratio)} | ${verdict(ratio >= 0.8)} |`,
    );
  }
  const bad = r.matcher.filter((f) => f.mismatches > 0);
  lines.push(
    `| zero mismatches | ${bad.length === 0 ? '0' : bad.map((f) => `${f.strategy}@${f.rules}: ${f.mismatches}`).join(', ')} | ${verdict(bad.length === 0)} |`,
  );
  for (const n of r.nextRequest) {
    lines.push(
      `| nextRequest ${n.scenario} >= 1M ops/s | ${fmtOps(n.opsPerSecond.median)} | ${verdict(n.opsPerSecond.median >= 1e6)} |`,
    );
  }
  for (const a of r.adapters.filter((figure) => figure.target !== false)) {
    lines.push(
      `| ${a.framework}: ${a.name} >= 0.95x | ${a.ratio.toFixed(3)}x | ${verdict(a.ratio >= 0.95)} |`,
    );
  }
  lines.push('', '## nextRequest: ops/s', '', '| scenario | ops/s |', '| --- | ---: |');
  for (const n of r.nextRequest) lines.push(`| ${n.scenario} | ${fmtSpread(n.opsPerSecond)} |`);
  lines.push(
    '',
    '## Adapters: req/s (wrk, 32 connections; server on core 0, load on core 1)',
    '',
    "Each pair is measured in several launches (a fresh baseline process and a fresh one of ours each time); within a launch, runs alternate A-B-B-A, so a drift of the machine moves both halves of a pair alike. The ratio is the median of the launches' medians of adjacent-run ratios; in brackets, the launches' min–max, then the min–max of all adjacent runs. Runs last 1 second. Fresh processes of the same code differ by ±3%, far more than runs within a launch, so launches count more than runs: the pairs held to the target get more launches than the rows for the record (five launches pinned a median to only about ±1.5%, too loose for a pair near the line). A launch in which either server's runs differ by more than 20% (the machine changed speed under it) is measured again, up to as many times as the pair has launches (after that, launches count as they come); the last column counts those. \"The same answer written by hand\" sends the bytes ours does (status, Location, Cache-Control, the short HTML note); the runner checks them before measuring. Every server loads its framework and adapter first and then builds the 100k rules, as an app does (its static imports run before its code), and holds them in every mode, so the two servers of a pair differ by the adapter alone. Rows without a target are for the record.",
    '',
  );
  lines.push(
    '| framework | comparison | baseline req/s | ours req/s | ratio (launches; runs) | launches × runs | redone |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const a of r.adapters) {
    lines.push(
      `| ${a.framework} | ${a.name} | ${fmtSpread(a.baseline)} | ${fmtSpread(a.ours)} | ${fmtRatio(a.ratio)} (${fmtRatio(a.launches.min)}–${fmtRatio(a.launches.max)}; ${fmtRatio(a.ratios.min)}–${fmtRatio(a.ratios.max)}) | ${a.launches.runs.length} × ${a.ratios.runs.length / a.launches.runs.length} | ${a.redone} |`,
    );
  }
  lines.push('', '## Edge bundle size (esbuild, platform browser, minified)', '');
  lines.push('| entry | min | min+gzip | zod inside |', '| --- | ---: | ---: | --- |');
  for (const s of r.size) {
    lines.push(
      `| ${s.entry} | ${s.minified.toLocaleString('en-US')} B | ${s.gzip.toLocaleString('en-US')} B | ${s.includesZod ? 'yes' : 'no'} |`,
    );
  }
  lines.push(...entrySizes(r.size));
  lines.push(...adversarialLookups(r.adversarial ?? []));
  lines.push('');
  return lines.join('\n');
}

/**
 * gzipped bytes of each entry before the split, at commit cbad6ee (one ESM file: any import
 * bundled the whole package and zod); an entry's figure there is its exports imported from
 * that file. Measured the same way (esbuild, browser, minified, gzip -9).
 */
const entryBefore: Readonly<Record<string, number>> = {
  '@org/redirect-core': 129_046,
  '@org/redirect-core/status': 101_769,
  '@org/redirect-core/next-request': 107_120,
  '@org/redirect-core/next-request + @org/redirect-core/status': 107_569,
  '@org/redirect-core/guard': 104_400,
  '@org/redirect-core/map': 115_769,
  '@org/redirect-core/formats': 121_799,
  '@org/redirect-core/headers': 101_453,
  '@org/redirect-core/adapter': 116_219,
};

/** Budgets checked by packages/redirect-core/src/bundle-size.test.ts. */
const entryBudget: Readonly<Record<string, string>> = {
  '@org/redirect-core': '≤ 129,046 B',
  '@org/redirect-core/guard': '≤ 5,000 B',
  '@org/redirect-core/next-request + @org/redirect-core/status': '≤ 15,000 B',
  '@org/redirect-core/map': '≤ 35,000 B',
};

function entrySizes(sizes: readonly SizeFigure[]): string[] {
  const rows = sizes.filter((s) => entryBefore[s.entry] !== undefined);
  if (rows.length === 0) return [];
  return [
    '',
    '## Bundle sizes per entry',
    '',
    'Each entry bundled alone (esbuild, browser, minified, gzip -9); before: commit cbad6ee.',
    '',
    '| entry | before (gzip) | after (gzip) | budget | zod inside |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (s) =>
        `| ${s.entry} | ${entryBefore[s.entry]!.toLocaleString('en-US')} B | ${s.gzip.toLocaleString('en-US')} B | ${entryBudget[s.entry] ?? ''} | ${s.includesZod ? 'yes' : 'no'} |`,
    ),
  ];
}

function adversarialLookups(figures: readonly AdversarialFigure[]): string[] {
  if (figures.length === 0) return [];
  const normal = figures[0]!.microsPerLookup.median;
  return [
    '',
    '## Matcher: adversarial rule sets (µs per lookup, same process)',
    '',
    '| case | rules | µs per lookup | vs normal case |',
    '| --- | ---: | ---: | ---: |',
    ...figures.map(
      (f) =>
        `| ${f.case} | ${f.rules.toLocaleString('en-US')} | ${f.microsPerLookup.median.toFixed(2)} (${f.microsPerLookup.min.toFixed(2)}–${f.microsPerLookup.max.toFixed(2)}) | ${(f.microsPerLookup.median / normal).toFixed(1)}x |`,
    ),
  ];
}
