import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRequest } from './next-request';
import type { NextRequestOptions, RedirectRequest, RedirectResponse } from './types';

// Properties over large input spaces: random URLs, header sets, methods and garbage.

const methods = fc.constantFrom(
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'PROPFIND',
);
const statuses = fc.constantFrom(301, 302, 303, 307, 308);
const hosts = fc.constantFrom(
  'a.example',
  'b.example',
  'www.a.example',
  'a.example:8443',
  '127.0.0.1',
);
const schemes = fc.constantFrom('http', 'https');
const urls = fc
  .tuple(schemes, hosts, fc.webPath(), fc.option(fc.webFragments(), { nil: undefined }))
  .map(
    ([scheme, host, path, fragment]) =>
      `${scheme}://${host}${path}${fragment === undefined ? '' : `#${fragment}`}`,
  );
const locations = fc.oneof(
  urls,
  fc.webPath(),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.string(),
  fc.constantFrom('', '#', '?q', '//b.example/x', 'data:,x', 'javascript:x', 'http://[::1'),
);
const headerNames = fc.constantFrom(
  'Authorization',
  'authorization',
  'AUTHORIZATION',
  'Cookie',
  'Content-Type',
  'X-Custom',
  'Host',
);
const headerSets = fc.array(fc.tuple(headerNames, fc.stringMatching(/^[\x21-\x7e]{0,12}$/)), {
  maxLength: 6,
});

const garbage = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, Number.NaN, Symbol('x'), () => 1, new Map(), [1, 2]),
);

describe('nextRequest properties', () => {
  it('never throws, for arbitrary garbage cast to the input types', () => {
    fc.assert(
      fc.property(garbage, garbage, garbage, (request, response, options) => {
        const result = nextRequest(
          request as RedirectRequest,
          response as RedirectResponse,
          options as NextRequestOptions,
        );
        expect(['follow', 'return', 'error']).toContain(result.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for garbage inside well-shaped objects', () => {
    fc.assert(
      fc.property(
        fc.record({
          method: fc.oneof(methods, garbage),
          url: fc.oneof(urls, garbage),
          headers: fc.oneof(headerSets, garbage),
          body: garbage,
          bodyReplayable: fc.oneof(fc.boolean(), garbage),
          redirectCount: fc.oneof(fc.nat(25), garbage),
        }),
        fc.record({
          status: fc.oneof(statuses, garbage),
          headers: fc.oneof(
            locations.map((location) => ({ location })),
            garbage,
          ),
          url: fc.oneof(urls, garbage),
        }),
        fc.record(
          {
            redirect: fc.oneof(fc.constantFrom('follow', 'error', 'manual'), garbage),
            maxRedirects: fc.oneof(fc.nat(30), garbage),
            client: fc.oneof(fc.constantFrom('fetch', 'rfc', 'got'), garbage),
            stripOnOriginChange: fc.oneof(fc.array(fc.string()), garbage),
            mode: fc.oneof(fc.constantFrom('cors', 'no-cors'), garbage),
          },
          { requiredKeys: [] },
        ),
        (request, response, options) => {
          const result = nextRequest(
            request as RedirectRequest,
            response as RedirectResponse,
            options as NextRequestOptions,
          );
          expect(['follow', 'return', 'error']).toContain(result.kind);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an error is always reported with a code and a message naming the package', () => {
    fc.assert(
      fc.property(urls, methods, statuses, locations, (url, method, status, location) => {
        const result = nextRequest({ method, url }, { status, headers: { location } });
        if (result.kind === 'error') expect(result.message).toMatch(/^@org\/redirect-core: /);
        if (result.kind === 'follow') expect(result.request.url).toMatch(/^https?:\/\//);
      }),
    );
  });

  it('a 307 or 308 never changes the method or the body', () => {
    fc.assert(
      fc.property(
        urls,
        methods,
        fc.constantFrom(307, 308),
        locations,
        fc.option(fc.string(), { nil: null }),
        headerSets,
        (url, method, status, location, body, headers) => {
          const result = nextRequest(
            { method, url, body, headers },
            { status, headers: { location } },
          );
          if (result.kind !== 'follow') return;
          expect(result.request.method).toBe(method);
          expect(result.request.body).toBe(body);
          expect(result.changes.some((c) => c.kind === 'method-rewritten')).toBe(false);
        },
      ),
    );
  });

  it('Authorization never survives an origin change, whatever its case', () => {
    fc.assert(
      fc.property(
        urls,
        urls,
        methods,
        statuses,
        headerSets,
        // The clients that remove Authorization and Cookie on every origin change.
        fc.constantFrom(
          'fetch',
          'rfc',
          'curl',
          'curl-x',
          'undici',
          'got-15',
          'axios',
        ) as fc.Arbitrary<NonNullable<NextRequestOptions['client']>>,
        (from, to, method, status, headers, client) => {
          const result = nextRequest(
            { method, url: from, headers: [...headers, ['Authorization', 'Bearer secret']] },
            { status, headers: { location: to } },
            { client, mode: 'no-cors' },
          );
          if (result.kind !== 'follow') return;
          const changed = new URL(from).origin !== new URL(result.request.url).origin;
          if (changed) {
            expect(result.request.headers.authorization).toBeUndefined();
            expect(result.request.headers.cookie).toBeUndefined();
          } else {
            expect(result.request.headers.authorization).toContain('Bearer secret');
          }
          expect(result.request.headers.host).toBeUndefined();
        },
      ),
    );
  });

  it('the next request is itself a valid input, and the count grows by one', () => {
    fc.assert(
      fc.property(urls, methods, statuses, urls, fc.nat(18), (url, method, status, to, count) => {
        const first = nextRequest(
          { method, url, redirectCount: count },
          { status, headers: { location: to } },
        );
        if (first.kind !== 'follow') return;
        expect(first.request.redirectCount).toBe(count + 1);
        const second = nextRequest(first.request, { status, headers: { location: url } });
        expect(second.kind).toBe('follow');
      }),
    );
  });
});
