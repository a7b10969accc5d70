import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import { isRedirectMap, toRedirectMap } from './redirect-source';

describe('toRedirectMap', () => {
  it('returns a ready map as is and compiles rules', () => {
    const map = createRedirectMap([{ from: '/a', to: '/b' }]);
    expect(toRedirectMap(map)).toBe(map);
    const compiled = toRedirectMap([{ from: '/a', to: '/b', permanent: true }]);
    expect(isRedirectMap(compiled)).toBe(true);
    expect(compiled.match({ url: '/a' })?.status).toBe(308);
  });

  it('tells maps from other values', () => {
    expect(isRedirectMap([])).toBe(false);
    expect(isRedirectMap(null)).toBe(false);
    expect(isRedirectMap({ match: 1 })).toBe(false);
  });
});
