import { describe, expect, it } from 'vitest';
import {
  matchSegments,
  parseDestination,
  parsePattern,
  pathKey,
  patternKey,
  requestPathKey,
  requestSegments,
  substitute,
} from './pattern';

function pattern(from: string, options?: Parameters<typeof parsePattern>[1]) {
  const parsed = parsePattern(from, options);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function template(to: string) {
  const parsed = parseDestination(to);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('parsePattern', () => {
  it('reads literal, param and splat segments', () => {
    expect(pattern('/blog/:slug/*').segments).toEqual([
      { kind: 'literal', value: 'blog' },
      { kind: 'param', name: 'slug' },
      { kind: 'splat', name: 'splat' },
    ]);
    expect(pattern('/docs/:rest*').params).toEqual(['rest']);
    expect(pattern('/').segments).toEqual([]);
    expect(pattern('/a').exact).toBe(true);
    expect(pattern('/a/:b').exact).toBe(false);
  });

  it('decodes literal segments and keeps a ":" inside one literal', () => {
    expect(pattern('/caf%C3%A9/wiki:page').segments).toEqual([
      { kind: 'literal', value: 'café' },
      { kind: 'literal', value: 'wiki:page' },
    ]);
  });

  it('drops one trailing slash unless trailingSlash is strict', () => {
    expect(pattern('/a/').segments).toEqual([{ kind: 'literal', value: 'a' }]);
    expect(pattern('/a/', { trailingSlash: 'strict' }).segments).toEqual([
      { kind: 'literal', value: 'a' },
      { kind: 'literal', value: '' },
    ]);
  });

  it.each([
    ['blog', 'must start with "/"'],
    ['/a?b=1', 'without "?" or "#"'],
    ['/a#top', 'without "?" or "#"'],
    ['/a b', 'space or control character'],
    ['/a\r\nb', 'space or control character'],
    ['/a//b', 'empty segment'],
    ['/*/a', 'must be the last segment'],
    ['/:a*/b', 'must be the last segment'],
    ['/:1a', 'not a valid param'],
    ['/:', 'not a valid param'],
    ['/:a/:a', 'appears twice'],
    ['/:id?', 'optional and repeated params'],
    ['/:id+/x', 'optional and repeated params'],
    ['/a*', 'whole last segment'],
    ['/%zz', 'malformed percent-encoding'],
    ['/%C3%28', 'malformed percent-encoding'],
  ])('rejects %j', (from, message) => {
    const parsed = parsePattern(from);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(message);
      expect(parsed.message.startsWith('@org/redirect-core: ')).toBe(true);
    }
  });
});

describe('requestSegments', () => {
  it('splits first, then decodes each segment', () => {
    expect(requestSegments('/caf%C3%A9/a%2Fb')).toEqual(['café', 'a/b']);
    expect(requestSegments('/café')).toEqual(['café']);
    expect(requestSegments('/')).toEqual([]);
    expect(requestSegments('/a//b/')).toEqual(['a', '', 'b']);
    expect(requestSegments('/a/', { trailingSlash: 'strict' })).toEqual(['a', '']);
  });

  it.each(['/%E0%A4%A', '/%zz', '/%C3%28', '/a/%', 'a/b', '', '*'])(
    'gives null for %j, without throwing',
    (path) => {
      expect(requestSegments(path)).toBeNull();
      expect(requestPathKey(path)).toBeNull();
    },
  );
});

describe('keys', () => {
  it('gives the same key to the encoded and raw forms of a path, in any case', () => {
    const key = patternKey(pattern('/Caf%C3%A9/Menu'));
    expect(requestPathKey('/caf%C3%A9/menu')).toBe(key);
    expect(requestPathKey('/CAFÉ/MENU/')).toBe(key);
    expect(requestPathKey('/caf%c3%a9/menu')).toBe(key);
  });

  it('keeps case apart when caseSensitive', () => {
    const options = { caseSensitive: true };
    expect(requestPathKey('/A', options)).not.toBe(requestPathKey('/a', options));
  });

  it('keeps an encoded slash or percent inside its segment', () => {
    expect(pathKey(['a/b'])).not.toBe(pathKey(['a', 'b']));
    expect(requestPathKey('/a%2Fb')).not.toBe(requestPathKey('/a/b'));
    expect(requestPathKey('/100%25')).toBe(patternKey(pattern('/100%25')));
    expect(requestPathKey('/100%25')).not.toBe(requestPathKey('/100%'));
  });

  it('ignores one trailing slash unless strict', () => {
    expect(requestPathKey('/a/')).toBe(requestPathKey('/a'));
    expect(requestPathKey('/a/', { trailingSlash: 'strict' })).not.toBe(
      requestPathKey('/a', { trailingSlash: 'strict' }),
    );
    expect(requestPathKey('/')).toBe('/');
  });
});

describe('matchSegments', () => {
  it('captures params with their case and splats as segment lists', () => {
    const p = pattern('/docs/:v/*');
    expect(matchSegments(p, ['DOCS', 'V2', 'a', 'B'])).toEqual({ v: 'V2', splat: ['a', 'B'] });
    expect(matchSegments(p, ['docs', 'v2'])).toEqual({ v: 'v2', splat: [] });
    expect(matchSegments(p, ['docs'])).toBeNull();
  });

  it('never matches an empty segment with a param', () => {
    expect(matchSegments(pattern('/a/:b'), ['a', ''])).toBeNull();
  });

  it('compares with case when caseSensitive', () => {
    expect(matchSegments(pattern('/A'), ['a'], { caseSensitive: true })).toBeNull();
    expect(matchSegments(pattern('/A'), ['a'])).toEqual({});
  });

  it('needs every segment matched', () => {
    expect(matchSegments(pattern('/a/:b'), ['a', 'b', 'c'])).toBeNull();
  });
});

describe('parseDestination', () => {
  it('finds params in path, query and fragment', () => {
    const t = template('/a/:x?q=:y&k=1#:z');
    expect(t.params).toEqual(['x', 'y', 'z']);
    expect(t.parts).toEqual([
      '/a/',
      { param: 'x', where: 'path' },
      '?q=',
      { param: 'y', where: 'query' },
      '&k=1#',
      { param: 'z', where: 'fragment' },
    ]);
    expect(t.queryKeys).toEqual(['q', 'k']);
    expect(t.hasQuery && t.hasFragment).toBe(true);
  });

  it('reads ":name*" as ":name" and a colon inside a word as text', () => {
    expect(template('/new/:path*').params).toEqual(['path']);
    expect(template('/wiki/Special:Search').params).toEqual([]);
  });

  it('accepts absolute http(s) URLs and skips their scheme and port', () => {
    const t = template('https://docs.example.com:8443/:splat');
    expect(t.absolute).toBe(true);
    expect(t.params).toEqual(['splat']);
  });

  it.each([
    ['', 'non-empty'],
    ['new', 'must start with one "/"'],
    ['//evil.test', 'must start with one "/"'],
    ['/a\r\nSet-Cookie: x', 'control character'],
    ['/a\u0000', 'control character'],
    ['/a b', 'whitespace'],
    ['/a\\b', '"\\"'],
    ['javascript:alert(1)', 'absolute http(s) URL'],
    ['https://', 'absolute http(s) URL'],
    ['https://:sub.example.com/', 'scheme or host'],
    ['https://user@example.com/', 'without user or password'],
  ])('rejects %j', (to, message) => {
    const parsed = parseDestination(to);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('substitute', () => {
  it('encodes each value for where it goes and joins splats with "/"', () => {
    const t = template('/a/:x/:splat?q=:x');
    expect(substitute(t, { x: 'café/?#', splat: ['b c', 'd'] })).toBe(
      '/a/caf%C3%A9%2F%3F%23/b%20c/d?q=caf%C3%A9%2F%3F%23',
    );
  });

  it('escapes "\\", control characters and leaves no raw "/" from a value', () => {
    const out = substitute(template('/:x'), { x: '/\\evil.test\r\n' });
    expect(out).toBe('/%2F%5Cevil.test%0D%0A');
  });

  it('does not throw on a lone surrogate', () => {
    expect(substitute(template('/:x'), { x: 'a\uD800b' })).toBe('/a%EF%BF%BDb');
  });

  it('leaves a missing param empty', () => {
    expect(substitute(template('/a/:x'), {})).toBe('/a/');
  });
});
