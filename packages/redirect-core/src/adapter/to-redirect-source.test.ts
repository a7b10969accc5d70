import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/index';
import type { RedirectSource } from '../source/types';
import { isRedirectInput, toRedirectSource } from './redirect-source';

const rules = [{ from: '/old', to: '/new', status: 301 as const }];

describe('toRedirectSource', () => {
  it('compiles rules once, with the options', () => {
    const source = toRedirectSource(rules, { base: 'https://site.test' });
    expect(source.current()).toBe(source.current());
    const answer = source.current().match({ url: '/old' });
    expect(answer && 'location' in answer ? answer.location : null).toBe('https://site.test/new');
  });

  it('wraps a map, and returns a source as it is', () => {
    const map = createRedirectMap(rules);
    expect(toRedirectSource(map).current()).toBe(map);
    const source: RedirectSource = { current: () => map, version: '3' };
    expect(toRedirectSource(source)).toBe(source);
  });

  it.each([
    [[], true],
    [createRedirectMap(rules), true],
    [{ current: () => createRedirectMap([]) }, true],
    [{}, false],
    ['rules', false],
    [null, false],
  ])('isRedirectInput(%o) is %s', (value, expected) => {
    expect(isRedirectInput(value)).toBe(expected);
  });
});
