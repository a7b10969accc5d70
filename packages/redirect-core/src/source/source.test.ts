import { describe, expect, it } from 'vitest';
import { createRedirectMap, RedirectConfigError } from '../map/index';
import { isRedirectSource, type RedirectSource, staticRedirectSource } from './index';

const rules = [{ from: '/old', to: '/new', permanent: true }] as const;

describe('staticRedirectSource', () => {
  it('compiles rules once and returns the same map on every call', () => {
    const source = staticRedirectSource(rules);
    expect(source.current()).toBe(source.current());
    expect(source.current().match({ url: '/old' })?.status).toBe(308);
  });

  it('returns a ready map as it is', () => {
    const map = createRedirectMap(rules);
    expect(staticRedirectSource(map).current()).toBe(map);
  });

  it('throws the RedirectConfigError of a bad rule', () => {
    expect(() => staticRedirectSource([{ from: 'no-slash', to: '/x' }])).toThrow(
      RedirectConfigError,
    );
  });
});

describe('isRedirectSource', () => {
  it.each([
    ['a static source', staticRedirectSource(rules), true],
    [
      'a hand-written source',
      { current: () => createRedirectMap([]) } satisfies RedirectSource,
      true,
    ],
    ['a compiled map', createRedirectMap(rules), false],
    ['an array of rules', [...rules], false],
    ['null', null, false],
    ['an object without current()', { current: 1 }, false],
  ])('%s -> %s', (_name, value, expected) => {
    expect(isRedirectSource(value)).toBe(expected);
  });
});
