import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRedirects } from './analyze';
import type { RedirectRule } from './types';

// Exact rules over a few paths: /n0 ... /n5, each pointing at another /nK or at /out.
const ruleSet = fc.array(fc.record({ from: fc.nat(5), to: fc.integer({ min: -1, max: 5 }) }), {
  minLength: 1,
  maxLength: 14,
});

function toRules(pairs: readonly { from: number; to: number }[]): RedirectRule[] {
  return pairs.map(({ from, to }) => ({
    from: `/n${from}`,
    to: to < 0 ? '/out' : `/n${to}`,
    status: 308,
  }));
}

/** What a client meets, found the slow and obvious way: first rule per path, follow the graph. */
function oracle(rules: readonly RedirectRule[]) {
  const first = new Map<string, number>();
  for (const [index, rule] of rules.entries())
    if (!first.has(rule.from)) first.set(rule.from, index);
  const chains = new Map<number, number[]>();
  const loops = new Set<string>();
  for (const [start, rule] of rules.entries()) {
    if (first.get(rule.from) !== start) continue;
    const path = [start];
    for (;;) {
      const next = first.get(rules[path.at(-1)!]!.to);
      if (next === undefined) break;
      const at = path.indexOf(next);
      if (at !== -1) {
        const cycle = path.slice(at);
        const kind = new Set(cycle).size === 1 ? 'self-redirect' : 'loop';
        loops.add(`${kind}:${[...cycle].sort((a, b) => a - b).join(',')}`);
        if (at > 0) loops.add(`loop:${[...path].sort((a, b) => a - b).join(',')}`);
        break;
      }
      path.push(next);
    }
    // The walk stopped on a rule that still redirects somewhere: it closed a loop.
    const looped = first.get(rules[path.at(-1)!]!.to) !== undefined;
    if (!looped && path.length > 1) chains.set(start, path);
  }
  return { chains, loops };
}

describe('analyzeRedirects against a straightforward graph walk', () => {
  it('reports exactly the chains and loops of random exact maps', () => {
    fc.assert(
      fc.property(ruleSet, (pairs) => {
        const rules = toRules(pairs);
        const findings = analyzeRedirects(rules);
        const expected = oracle(rules);
        const chains = new Map(
          findings.filter((f) => f.kind === 'chain').map((f) => [f.rules[0]!, [...f.rules]]),
        );
        expect(chains).toEqual(expected.chains);
        const loops = new Set(
          findings
            .filter((f) => f.kind === 'loop' || f.kind === 'self-redirect')
            .map((f) => `${f.kind}:${[...f.rules].sort((a, b) => a - b).join(',')}`),
        );
        expect(loops).toEqual(expected.loops);
        for (const chain of findings.filter((f) => f.kind === 'chain')) {
          // The collapsed rule ends where the chain ends.
          const last = rules[chain.rules.at(-1)!]!;
          expect(chain.fix?.rule.to).toBe(last.to);
        }
      }),
      { numRuns: 300 },
    );
  });
});
