import { describe, expect, it } from 'vitest';
import { analyzeRedirects } from './analyze';
import type { RedirectRule } from './types';

// 100,000 rules: 70% exact paths, 20% with one param, 10% with a splat, and planted problems.
function generate(count: number) {
  const rules: RedirectRule[] = [];
  for (let i = 0; rules.length < count; i++) {
    const kind = i % 10;
    if (kind < 7) rules.push({ from: `/e/${i}/page`, to: `/target/${i}`, status: 308 });
    else if (kind < 9) rules.push({ from: `/p${i}/:id`, to: `/new-p${i}/:id`, permanent: true });
    else rules.push({ from: `/s${i}/*`, to: `/new-s${i}/:splat`, status: 301 });
  }
  const put = (at: number, rule: RedirectRule): number => {
    rules[at] = rule;
    return at;
  };
  const planted = {
    loop: [
      put(25_000, { from: '/loop-a', to: '/loop-b', status: 308 }),
      put(75_000, { from: '/loop-b', to: '/loop-a/', status: 308 }),
    ],
    chain: [
      put(10_000, { from: '/chain-1', to: '/chain-2', status: 301 }),
      put(60_000, { from: '/chain-2', to: '/chain-3', status: 301 }),
      put(99_000, { from: '/chain-3', to: '/final', status: 301 }),
    ],
    // /s9/* (rule 9) answers every /s9/... request.
    shadowed: [9, put(50_000, { from: '/s9/deep/page', to: '/x', status: 308 })],
    duplicate: [0, put(99_999, { from: '/e/0/page', to: '/elsewhere', status: 308 })],
  };
  return { rules, planted };
}

describe('analyzeRedirects at scale', () => {
  it('analyzes 100,000 rules and finds the planted problems', () => {
    const { rules, planted } = generate(100_000);
    const started = performance.now();
    const findings = analyzeRedirects(rules);
    const elapsed = performance.now() - started;
    // Reported for the record; speed is asserted by the benchmarks, not here.
    console.info(`analyzeRedirects: ${rules.length} rules in ${Math.round(elapsed)} ms`);
    const of = (kind: string) =>
      findings.filter((finding) => finding.kind === kind).map((finding) => finding.rules);
    expect(of('loop')).toEqual([planted.loop]);
    expect(of('chain')).toEqual([planted.chain, planted.chain.slice(1)]);
    expect(of('shadowed')).toEqual([planted.shadowed]);
    expect(of('duplicate')).toEqual([planted.duplicate]);
    expect(findings).toHaveLength(5);
  });
});
