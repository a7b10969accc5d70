import { describe, expect, it } from 'vitest';
import { diffRules } from './diff';

describe('diffRules', () => {
  it('reports added, removed and changed rules by what they match', () => {
    const diff = diffRules(
      [
        { from: '/a', to: '/1', status: 301 },
        { from: '/b', to: '/2', status: 301 },
        { from: '/c', to: '/3', status: 301 },
        { from: '/c', to: '/3', status: 301, host: 'x.test' },
      ],
      [
        { from: '/c', to: '/3', status: 301 },
        { from: '/a', to: '/1', status: 308 },
        { from: '/d', to: '/4', status: 301 },
      ],
    );
    expect(diff.added.map((rule) => rule.from)).toEqual(['/d']);
    expect(diff.removed.map((rule) => [rule.from, rule.host])).toEqual([
      ['/b', undefined],
      ['/c', 'x.test'],
    ]);
    expect(diff.changed).toEqual([
      {
        before: { from: '/a', to: '/1', status: 301 },
        after: { from: '/a', to: '/1', status: 308 },
      },
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('finds nothing between a map and itself', () => {
    const rules = [{ from: '/a', to: '/b' }];
    expect(diffRules(rules, rules)).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});
