import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { statusTableJsonSchema, statusTableSchema } from './schema';
import { sources } from './sources';
import {
  isRedirectStatus,
  isStatusCode,
  redirectStatusCodes,
  redirectStatuses,
  statusCodes,
} from './status';
import { clientFamilies } from './types';

describe('the status table', () => {
  it('passes its zod schema', () => {
    expect(statusTableSchema.safeParse(redirectStatuses).success).toBe(true);
  });

  it('is rejected by the schema when a fact loses its source', () => {
    const broken = structuredClone(redirectStatuses) as Record<string, unknown>;
    (broken[301] as { permanent: { source?: string } }).permanent.source = undefined;
    const result = statusTableSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['301', 'permanent', 'source']);
  });

  it('has a row for every 3xx code Node.js knows, with the same reason phrase where both name one', () => {
    const nodeCodes = Object.keys(STATUS_CODES)
      .map(Number)
      .filter((code) => code >= 300 && code < 400);
    for (const code of nodeCodes) expect(isStatusCode(code), String(code)).toBe(true);
    expect(statusCodes).toEqual([300, 301, 302, 303, 304, 305, 306, 307, 308]);
    for (const code of [301, 302, 303, 304, 307, 308] as const) {
      expect(redirectStatuses[code].reason).toBe(STATUS_CODES[code]);
    }
  });

  it('names a known source for every fact', () => {
    const seen: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'source') seen.push(inner as string);
          else walk(inner);
        }
      }
    };
    walk(redirectStatuses);
    expect(seen.length).toBeGreaterThan(100);
    for (const id of seen) expect(Object.keys(sources)).toContain(id);
    for (const { url } of Object.values(sources)) expect(url).toMatch(/^https:\/\//);
  });

  it('exports a JSON Schema of the table', () => {
    const schema = statusTableJsonSchema();
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).toContain('followedByFetch');
  });
});

// Fetch §2.2.6: "A redirect status is a status that is 301, 302, 303, 307, or 308."
describe('redirect statuses (Fetch: redirect status)', () => {
  it.each(statusCodes)('%i', (code) => {
    const followed = [301, 302, 303, 307, 308].includes(code);
    expect(isRedirectStatus(code)).toBe(followed);
    expect(redirectStatuses[code].followedByFetch).toEqual({
      value: followed,
      source: 'fetch-redirect-status',
    });
  });
  it('rejects what is not a number', () => {
    expect(isRedirectStatus('301')).toBe(false);
    expect(isRedirectStatus(301.5)).toBe(false);
    expect(redirectStatusCodes).toEqual([301, 302, 303, 307, 308]);
  });
});

describe('kind and permanence (RFC 9110 §15.4.1-§15.4.9)', () => {
  it.each([
    [300, 'multiple-choices', 'n/a', 'rfc9110-15.4.1'],
    [301, 'redirect', 'yes', 'rfc9110-15.4.2'],
    [302, 'redirect', 'no', 'rfc9110-15.4.3'],
    [303, 'redirect', 'no', 'rfc9110-15.4.4'],
    [304, 'not-modified', 'n/a', 'rfc9110-15.4.5'],
    [305, 'deprecated', 'n/a', 'rfc9110-15.4.6'],
    [306, 'unused', 'n/a', 'rfc9110-15.4.7'],
    [307, 'redirect', 'no', 'rfc9110-15.4.8'],
    [308, 'redirect', 'yes', 'rfc9110-15.4.9'],
  ] as const)('%i is %s, permanent: %s (%s)', (code, kind, permanent, source) => {
    const row = redirectStatuses[code];
    expect(row.code).toBe(code);
    expect(row.kind).toBe(kind);
    expect(row.permanent).toEqual({ value: permanent, source });
    expect(row.spec.definedIn.source).toBe(source);
  });
});

// The method rule per client family. Sources: RFC 9110 §15.4.2-§15.4.9; Fetch HTTP-redirect
// fetch step 12; undici follows Fetch; follow-redirects _processResponse; got methodRewriting
// (default false); curl --post301/--post302/--post303.
describe('method rules per client family', () => {
  const expected = {
    301: {
      rfc: 'post-optional',
      fetch: 'post',
      undici: 'post',
      followRedirects: 'post',
      got: 'none',
      curl: 'post',
    },
    302: {
      rfc: 'post-optional',
      fetch: 'post',
      undici: 'post',
      followRedirects: 'post',
      got: 'none',
      curl: 'post',
    },
    303: {
      rfc: 'all-but-get-head',
      fetch: 'all-but-get-head',
      undici: 'all-but-get-head',
      followRedirects: 'all-but-get-head',
      got: 'all-but-get-head',
      curl: 'all-but-get-head',
    },
    307: {
      rfc: 'none',
      fetch: 'none',
      undici: 'none',
      followRedirects: 'none',
      got: 'none',
      curl: 'none',
    },
    308: {
      rfc: 'none',
      fetch: 'none',
      undici: 'none',
      followRedirects: 'none',
      got: 'none',
      curl: 'none',
    },
    304: {
      rfc: 'not-followed',
      fetch: 'not-followed',
      undici: 'not-followed',
      followRedirects: 'not-followed',
      got: 'not-followed',
      curl: 'not-followed',
    },
  } as const;
  for (const [code, families] of Object.entries(expected)) {
    it.each(clientFamilies)(`${code} for %s`, (family) => {
      const rule = redirectStatuses[Number(code) as keyof typeof expected].methods[family];
      expect(rule.rewrite).toBe(families[family]);
      expect(Object.keys(sources)).toContain(rule.source);
      if (rule.rewrite === 'none') expect(rule.body).toBe('kept');
      if (rule.rewrite === 'post' || rule.rewrite === 'all-but-get-head') {
        expect(rule.body).toBe('dropped-on-rewrite');
      }
      if (rule.rewrite !== 'not-followed') expect(rule.headKept).toBe(true);
    });
  }
  it('fetch does not follow 300, 304, 305, 306', () => {
    for (const code of [300, 304, 305, 306] as const) {
      expect(redirectStatuses[code].methods.fetch.rewrite).toBe('not-followed');
      expect(redirectStatuses[code].methods.undici.rewrite).toBe('not-followed');
    }
  });
  it('the RFC text for 307/308 forbids a method change and cites its own section', () => {
    expect(redirectStatuses[307].methods.rfc.source).toBe('rfc9110-15.4.8');
    expect(redirectStatuses[308].methods.rfc.source).toBe('rfc9110-15.4.9');
    expect(redirectStatuses[303].methods.rfc.source).toBe('rfc9110-15.4.4');
    expect(redirectStatuses[301].methods.fetch.source).toBe('fetch-http-redirect-fetch');
  });
});

// RFC 9110 §15.1: 300, 301 and 308 are heuristically cacheable; 302, 303, 307 need explicit
// freshness. 304 is a cache validation answer, not a stored response.
describe('cacheability (RFC 9110 §15.1)', () => {
  it.each([
    [300, true],
    [301, true],
    [302, false],
    [303, false],
    [304, null],
    [305, false],
    [306, false],
    [307, false],
    [308, true],
  ] as const)('%i heuristic: %s', (code, heuristic) => {
    expect(redirectStatuses[code].cache.heuristic.value).toBe(heuristic);
  });
  it('warns that browsers keep permanent redirects', () => {
    for (const code of [301, 308] as const) {
      expect(redirectStatuses[code].cache.browsers.value).toMatch(/max-age/);
    }
  });
});

// Google Search Central, "Redirects and Google Search": 301/308 strong signal, 302/303/307 weak.
describe('search-engine signal (Google Search Central)', () => {
  it.each([
    [301, 'strong', true],
    [308, 'strong', true],
    [302, 'weak', false],
    [303, 'weak', false],
    [307, 'weak', false],
    [300, 'none', false],
    [304, 'none', false],
  ] as const)('%i: %s', (code, canonical, consolidates) => {
    const { search } = redirectStatuses[code];
    expect(search.canonical).toBe(canonical);
    expect(search.consolidatesOnTarget).toBe(consolidates);
    if (canonical !== 'none') expect(search.source).toBe('google-redirects');
  });
});

describe('support (MDN browser-compat-data, RFC history)', () => {
  it('308 names first browser versions from MDN BCD', () => {
    const support = redirectStatuses[308].support.browsers;
    expect(support.source).toBe('mdn-bcd-308');
    expect(support.value).toMatchObject({ chrome: '36', firefox: '51', edge: '12' });
  });
  it.each([
    [300, 'rfc1945'],
    [301, 'rfc1945'],
    [302, 'rfc1945'],
    [303, 'rfc2068'],
    [307, 'rfc2616'],
    [308, 'rfc7538'],
  ] as const)('%i was introduced by %s', (code, source) => {
    expect(redirectStatuses[code].spec.introducedIn.source).toBe(source);
  });
  it('codes newer than HTTP/1.0 carry the unknown-3xx caveat (RFC 9110 §15)', () => {
    for (const code of [303, 307, 308] as const) {
      expect(redirectStatuses[code].support.caveats.map((c) => c.source)).toContain('rfc9110-15.4');
    }
  });
});
