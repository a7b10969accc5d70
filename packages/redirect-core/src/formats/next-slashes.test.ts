import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import { parseRedirects } from './index';

// Next.js redirects a path with `\` or `//` (308, single slashes, query kept) before its
// trailing-slash redirect and next.config's redirects; proved against `next start` in
// packages/host-conformance.
function answer(format: 'next' | 'vercel', url: string) {
  const text = '[{ "source": "/old", "destination": "/new", "permanent": true }]';
  const parsed = parseRedirects(text, format);
  const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
  const found = map.match({ url });
  return found === null ? null : [found.status, found.location, found.rule.index];
}

describe("Next.js's own redirect of repeated slashes and backslashes", () => {
  it.each([
    ['/old//', [308, '/old/', 0]],
    ['/a//b?x=1//2', [308, '/a/b?x=1//2', 0]],
    ['/a\\b', [308, '/a/b', 0]],
    ['/blog\\\\post//', [308, '/blog/post/', 0]],
    ['https://site.test//old', [308, '/old', 0]],
    ['https://site.test///evil.test', [308, '/evil.test', 0]],
    ['/old?', [308, '/new', 1]],
    ['/old/', [308, '/old', 0]],
    ['/%5Cold', null],
  ] as const)('%s', (url, expected) => {
    expect(answer('next', url)).toEqual(expected);
  });

  it('is not added to vercel.json, which has no such rule', () => {
    expect(answer('vercel', '/old//')).toBeNull();
  });
});
