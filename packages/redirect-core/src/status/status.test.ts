import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientProfiles } from '../clients/profiles';
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
// Derived from the client profiles (clients/profiles.ts), which packages/client-conformance
// proves against the real clients. Rows: 300-308; columns: fetch, undici, navigation,
// follow-redirects, axios, got, got-15, curl, curl-x, rfc.
describe('method rules per client, derived from the client profiles', () => {
  const F = 'not-followed';
  const expected: Record<number, readonly string[]> = {
    300: [F, F, F, 'none', 'none', 'none', F, 'none', 'none', F],
    301: [
      'post',
      'post',
      'post',
      'post',
      'post',
      'none',
      'post-cross-origin',
      'post',
      'none',
      'post-optional',
    ],
    302: [
      'post',
      'post',
      'post',
      'post',
      'post',
      'none',
      'post-cross-origin',
      'post',
      'none',
      'post-optional',
    ],
    303: Array(10)
      .fill('all-but-get-head')
      .map((v, i) => (i === 8 ? 'none' : v)),
    304: [F, F, F, 'none', 'none', 'none', F, 'none', 'none', F],
    305: [F, F, F, 'none', 'none', F, F, 'none', 'none', F],
    306: [F, F, F, 'none', 'none', F, F, 'none', 'none', F],
    307: Array(10).fill('none'),
    308: Array(10).fill('none'),
  };
  it('lists every client in profile order', () => {
    expect(clientFamilies).toEqual([
      'fetch',
      'undici',
      'navigation',
      'follow-redirects',
      'axios',
      'got',
      'got-15',
      'curl',
      'curl-x',
      'rfc',
    ]);
  });
  for (const [code, row] of Object.entries(expected)) {
    it.each(clientFamilies.map((family, index) => [family, row[index]] as const))(
      `${code} for %s: %s`,
      (family, rewrite) => {
        const rule = redirectStatuses[Number(code) as 300].methods[family];
        expect(rule.rewrite).toBe(rewrite);
        expect(rule.source).toBe(clientProfiles[family].statuses[Number(code) as 300].source);
        if (rule.rewrite === 'not-followed') expect(rule.headKept).toBeNull();
        else expect(rule.headKept).toBe(true);
      },
    );
  }
  it('curl -X keeps the method on 301-303 and drops only the body', () => {
    for (const code of [301, 302, 303] as const) {
      expect(redirectStatuses[code].methods['curl-x']).toMatchObject({
        rewrite: 'none',
        body: 'dropped',
      });
    }
  });
  it('got 15 drops the body on every cross-origin redirect', () => {
    expect(redirectStatuses[307].methods['got-15'].body).toBe('dropped-cross-origin');
  });
  it('the RFC rows cite the text that says it', () => {
    expect(redirectStatuses[307].methods.rfc.source).toBe('rfc9110-15.4.8');
    // "MUST NOT change the request method" for 308 is RFC 7538 §3, not RFC 9110 §15.4.9.
    expect(redirectStatuses[308].methods.rfc.source).toBe('rfc7538-3');
    expect(redirectStatuses[303].methods.rfc.source).toBe('rfc9110-15.4.4');
    expect(redirectStatuses[305].methods.rfc.source).toBe('rfc7231-appendix-b');
    expect(redirectStatuses[301].methods.fetch.source).toBe('fetch-http-redirect-fetch-12');
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
  it('warns that browsers keep permanent redirects, citing Chromium', () => {
    for (const code of [300, 301, 308] as const) {
      expect(redirectStatuses[code].cache.browsers.value).toMatch(/fresh forever/);
      expect(redirectStatuses[code].cache.browsers.source).toBe('chromium-http-response-headers');
    }
  });
  it('cites RFC 9111 §3 for what a 302, 303 or 307 needs to be stored', () => {
    for (const code of [302, 303, 307] as const) {
      expect(redirectStatuses[code].cache.browsers.source).toBe('rfc9111-3');
      expect(redirectStatuses[code].cache.browsers.value).toMatch(/public, private/);
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
    // browser-compat-data http.status.308: Firefox 14 (not 51), Chrome 36, Edge 12, Safari 7.
    expect(support.value).toMatchObject({
      chrome: '36',
      firefox: '14',
      edge: '12',
      safari: '7',
      opera: '24',
      ie: '11',
    });
  });
  it.each([
    [300, 'rfc1945'],
    [301, 'rfc1945'],
    [302, 'rfc1945'],
    [303, 'rfc2068'],
    [306, 'rfc2616-10.3.7'],
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

// Each fact below was found wrong or unsupported by a source review; the test pins the fix.
describe('facts checked against their sources', () => {
  it('305 is deprecated for the reasons RFC 7231 Appendix B gives', () => {
    expect(redirectStatuses[305].support.caveats[0]?.source).toBe('rfc7231-appendix-b');
  });
  it('306 cites RFC 2616 §10.3.7 and no "Switch Proxy" name RFC 2616 does not use', () => {
    expect(redirectStatuses[306].spec.introducedIn.name).not.toMatch(/Switch Proxy/);
  });
  it('300 says that browsers do not follow its Location (Chromium and Firefox, verified)', () => {
    const caveat = redirectStatuses[300].support.caveats[1];
    expect(caveat?.source).toBe('fetch-redirect-status');
    expect(caveat?.value).toMatch(/Chromium 156 and Firefox 153 show a 300/);
  });
  it("words Google's reading as canonical signals", () => {
    expect(redirectStatuses[301].search.note).toMatch(
      /strong signal that the target should be canonical/,
    );
    expect(redirectStatuses[302].search.note).toMatch(
      /weak signal that the target should be canonical/,
    );
  });
  it("names the Fetch standard's current section numbers", () => {
    expect(sources['fetch-http-redirect-fetch'].title).toMatch(/§4\.5 HTTP-redirect fetch/);
    expect(sources['fetch-http-fetch-6'].title).toMatch(/§4\.4 HTTP fetch/);
  });
});
