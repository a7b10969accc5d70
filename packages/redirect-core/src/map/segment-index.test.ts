import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulePicker } from './conditions';
import { createRedirectMap } from './match';
import { parsePattern, requestPathKey } from './pattern';
import { SegmentIndex } from './segment-index';
import { SEARCH_BUDGET, SegmentTree } from './segment-tree';

const path = { caseSensitive: false, trailingSlash: 'ignore' } as const;

function treeOf(froms: readonly string[]): SegmentTree {
  const picker = new RulePicker(new Uint8Array(froms.length), new Map());
  const tree = new SegmentTree(picker, path, froms.length);
  froms.forEach((from, index) => {
    const parsed = parsePattern(from, path);
    if (!parsed.ok) throw new Error(parsed.message);
    tree.add(parsed.value, index);
  });
  return tree;
}

// The tree search without its budget: the reference the index must agree with.
function searchAll(tree: SegmentTree, key: string): number {
  tree.visits = -1e9;
  tree.escaped = key.includes('%');
  return tree.search(tree.root, key, key === '/' ? -1 : 1, Number.POSITIVE_INFINITY, null);
}

function segmentsOf(key: string): string[] {
  return key === '/' ? [] : key.slice(1).split('/');
}

// 2^bits rules of `bits` segments, each `a` or a param, then a last literal segment `x`.
function mixed(bits: number): string[] {
  return Array.from({ length: 2 ** bits }, (_, mask) => {
    let from = '';
    for (let bit = 0; bit < bits; bit++) from += mask & (1 << bit) ? `/:p${bit}` : '/a';
    return `${from}/x`;
  });
}

describe('SegmentIndex (bounded lookup)', () => {
  it('answers like the full tree search on random rule sets and paths', () => {
    const segment = fc.constantFrom('a', 'b', 'C', ':p', '*', '%2F', 'caf%C3%A9');
    const from = fc
      .array(segment, { minLength: 0, maxLength: 5 })
      .map((parts) => {
        const star = parts.indexOf('*');
        const kept = star === -1 ? parts : parts.slice(0, star + 1);
        let n = 0;
        return `/${kept.map((p) => (p === ':p' ? `:p${n++}` : p)).join('/')}`;
      })
      .filter((f) => parsePattern(f, path).ok);
    const request = fc
      .array(fc.constantFrom('a', 'b', 'c', 'x', '', 'caf%C3%A9', '%2F'), { maxLength: 6 })
      .map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(
        fc.array(from, { minLength: 1, maxLength: 30 }),
        fc.array(request),
        (froms, urls) => {
          const tree = treeOf(froms);
          const index = new SegmentIndex(tree.root, froms.length, tree.picker);
          for (const url of urls) {
            const key = requestPathKey(url, path);
            if (key === null) continue;
            tree.escaped = key.includes('%');
            const segments = segmentsOf(key).map((s) =>
              s.replace(/%(?:25|2f|3f|23)/gi, (m) => decodeURIComponent(m)),
            );
            expect(index.first(segments, Number.POSITIVE_INFINITY, null)).toBe(
              searchAll(tree, key),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds the work of a lookup on 2^12 rules mixing literal and param segments', () => {
    const froms = mixed(12);
    const tree = treeOf(froms);
    const miss = `${'/a'.repeat(12)}/y`;
    const hit = `${'/a'.repeat(12)}/x`;
    // Without a bound the search visits every node on the way: about 2^13 of them.
    searchAll(tree, miss);
    expect(tree.visits + 1e9).toBeGreaterThanOrEqual(2 ** 13 - 1);
    expect(tree.first(miss, Number.POSITIVE_INFINITY, null)).toBe(Number.POSITIVE_INFINITY);
    // Each pending call returns at once past the budget: a few per level of the tree.
    expect(tree.visits).toBeLessThanOrEqual(SEARCH_BUDGET + 2 * 13);
    expect(tree.first(hit, Number.POSITIVE_INFINITY, null)).toBe(0);
  });

  it('answers the first rule through the map, whatever the order of the mixed rules', () => {
    const froms = mixed(12).reverse();
    const map = createRedirectMap(froms.map((from, i) => ({ from, to: `/to/${i}` })));
    expect(map.match({ url: `${'/a'.repeat(12)}/x` })?.rule.index).toBe(0);
    expect(map.match({ url: `${'/a'.repeat(12)}/y` })).toBeNull();
    expect(map.match({ url: `${'/b'.repeat(12)}/x` })?.rule.index).toBe(
      froms.indexOf(`${Array.from({ length: 12 }, (_, i) => `/:p${i}`).join('')}/x`),
    );
  });
});
