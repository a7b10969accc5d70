import { describe, expect, it } from 'vitest';
import { sources } from '../status/sources';
import { nextRequest } from './next-request';
import type {
  NextRequestFollow,
  NextRequestOptions,
  NextRequestResult,
  RedirectRequest,
  RedirectResponse,
} from './types';

// Tests name the step of the Fetch standard they check:
// HTTP fetch step 6 (redirect mode) and HTTP-redirect fetch steps 3-19
// (https://fetch.spec.whatwg.org/#http-redirect-fetch).

const base = 'https://a.example/start';

function followed(result: NextRequestResult): NextRequestFollow {
  if (result.kind !== 'follow') throw new Error(`expected a follow, got ${JSON.stringify(result)}`);
  return result;
}

function go(
  request: Partial<RedirectRequest> = {},
  response: Partial<RedirectResponse> = {},
  options?: NextRequestOptions,
): NextRequestResult {
  return nextRequest(
    { method: 'GET', url: base, ...request },
    { status: 302, headers: { location: '/next' }, ...response },
    options,
  );
}

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const statuses = [301, 302, 303, 307, 308] as const;

// HTTP-redirect fetch step 12: 301/302 turn POST (only POST) into GET; 303 turns every method
// but GET and HEAD into GET; 307/308 never change anything.
function fetchExpects(method: string, status: number): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return method;
}

const matrix = methods.flatMap((method) =>
  statuses.map((status) => ({ method, status, expected: fetchExpects(method, status) })),
);

describe('method x status matrix (HTTP-redirect fetch step 12)', () => {
  it.each(matrix)('$method on $status sends $expected', ({ method, status, expected }) => {
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const body = hasBody ? 'payload' : null;
    const result = followed(
      go(
        {
          method,
          body,
          headers: {
            'content-type': 'text/plain',
            'content-length': '7',
            'content-language': 'en',
            'content-encoding': 'identity',
            'content-location': '/doc',
            'transfer-encoding': 'chunked',
            accept: 'text/html',
          },
        },
        { status },
      ),
    );
    const { request, changes } = result;
    expect(result.status).toBe(status);
    expect(request.method).toBe(expected);
    expect(request.url).toBe('https://a.example/next');
    expect(request.headers.accept).toBe('text/html');
    if (expected !== method) {
      // Step 12.1-12.2: the body and every request-body-header name go, and the framing with them.
      expect(request.body).toBeNull();
      for (const name of [
        'content-type',
        'content-length',
        'content-language',
        'content-encoding',
        'content-location',
        'transfer-encoding',
      ]) {
        expect(request.headers[name]).toBeUndefined();
      }
      expect(changes.find((c) => c.kind === 'method-rewritten')).toMatchObject({
        from: method,
        to: 'GET',
        source: 'fetch-http-redirect-fetch-12',
      });
    } else {
      expect(request.body).toBe(body);
      expect(request.headers['content-type']).toBe('text/plain');
      expect(request.headers['content-length']).toBe('7');
      expect(changes.some((c) => c.kind === 'method-rewritten' || c.kind === 'body-dropped')).toBe(
        false,
      );
    }
  });
});

describe('client: other client families (redirectStatuses[status].methods)', () => {
  it.each(statuses)('rfc keeps POST on %i unless it is a 303 (RFC 9110 §15.4)', (status) => {
    const { request } = followed(go({ method: 'POST', body: 'x' }, { status }, { client: 'rfc' }));
    expect(request.method).toBe(status === 303 ? 'GET' : 'POST');
    expect(request.body).toBe(status === 303 ? null : 'x');
  });

  it.each([301, 302] as const)('got keeps every method on %i by default', (status) => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { request, changes } = followed(
        go({ method, body: 'x' }, { status }, { client: 'got' }),
      );
      expect(request).toMatchObject({ method, body: 'x' });
      expect(changes.some((c) => c.kind === 'method-rewritten')).toBe(false);
    }
  });

  it('got rewrites a 303 like Fetch, keeps Content-Type, and names its source', () => {
    const { request, changes } = followed(
      go(
        { method: 'PUT', body: 'x', headers: { 'content-type': 'a/b', 'content-length': '1' } },
        { status: 303 },
        { client: 'got' },
      ),
    );
    expect(request.method).toBe('GET');
    expect(request.headers).toEqual({ 'content-type': 'a/b' });
    expect(changes.find((c) => c.kind === 'method-rewritten')?.source).toBe('got-14-source');
  });

  it('followRedirects drops every Content-* header on a rewrite', () => {
    const { request } = followed(
      go(
        { method: 'POST', body: 'x', headers: { 'content-md5': 'abc', 'content-type': 'a/b' } },
        { status: 302 },
        { client: 'follow-redirects' },
      ),
    );
    expect(request.headers).toEqual({});
  });
});

describe('method normalization (Fetch: normalize a method)', () => {
  it('upper-cases post before step 12 so a 301 still turns it into GET', () => {
    expect(followed(go({ method: 'post', body: 'x' }, { status: 301 })).request.method).toBe('GET');
  });
  it('reports get written GET on a 307', () => {
    const { request, changes } = followed(go({ method: 'get' }, { status: 307 }));
    expect(request.method).toBe('GET');
    expect(changes.find((c) => c.kind === 'method-normalized')).toMatchObject({
      from: 'get',
      to: 'GET',
    });
  });
  it('keeps patch as sent: PATCH is not a normalized method', () => {
    expect(followed(go({ method: 'patch', body: 'x' }, { status: 307 })).request.method).toBe(
      'patch',
    );
    expect(followed(go({ method: 'patch', body: 'x' }, { status: 303 })).request.method).toBe(
      'GET',
    );
  });
});

describe('redirect modes (HTTP fetch step 6.2), applied before Location is read', () => {
  it.each(statuses)("'error' fails on %i, with or without a Location", (status) => {
    for (const headers of [{ location: '/x' }, {}, { location: 'http://[::1' }]) {
      const result = go({}, { status, headers }, { redirect: 'error' });
      expect(result).toMatchObject({
        kind: 'error',
        code: 'redirect-mode-error',
        source: 'fetch-http-fetch-6',
      });
    }
  });

  it.each(statuses)("'manual' returns %i as is, even with a broken Location", (status) => {
    for (const headers of [{ location: '/x' }, {}, { location: 'http://[::1' }]) {
      expect(go({}, { status, headers }, { redirect: 'manual' })).toMatchObject({
        kind: 'return',
        reason: 'manual',
        source: 'fetch-http-fetch-6',
      });
    }
  });

  it("'follow' (the default) follows", () => {
    expect(go({}, {}, { redirect: 'follow' }).kind).toBe('follow');
    expect(go().kind).toBe('follow');
  });

  it.each([300, 304, 305, 306, 200, 201, 404, 500])(
    '%i is not a redirect status: returned in every mode',
    (status) => {
      for (const redirect of ['follow', 'error', 'manual'] as const) {
        expect(go({}, { status, headers: { location: '/x' } }, { redirect })).toMatchObject({
          kind: 'return',
          reason: 'not-redirect-status',
        });
      }
    },
  );
});

describe('redirect count (HTTP-redirect fetch steps 7-8)', () => {
  it('follows with 19 redirects behind and counts the 20th', () => {
    const { request } = followed(go({ redirectCount: 19 }));
    expect(request.redirectCount).toBe(20);
  });

  it('fails once 20 redirects have been followed', () => {
    expect(go({ redirectCount: 20 })).toMatchObject({
      kind: 'error',
      code: 'too-many-redirects',
      source: 'fetch-http-redirect-fetch-7',
    });
  });

  it('a loop is followed 20 times and fails on the 21st redirect', () => {
    let request: RedirectRequest = { method: 'GET', url: base };
    let follows = 0;
    for (;;) {
      const result = nextRequest(request, { status: 302, headers: { location: base } });
      if (result.kind !== 'follow') {
        expect(result).toMatchObject({ kind: 'error', code: 'too-many-redirects' });
        break;
      }
      follows++;
      request = result.request;
    }
    expect(follows).toBe(20);
  });

  it('maxRedirects sets the limit', () => {
    expect(go({ redirectCount: 4 }, {}, { maxRedirects: 5 }).kind).toBe('follow');
    expect(go({ redirectCount: 5 }, {}, { maxRedirects: 5 })).toMatchObject({
      code: 'too-many-redirects',
    });
    expect(go({}, {}, { maxRedirects: 0 })).toMatchObject({ code: 'too-many-redirects' });
  });

  it('steps 4-6 come before the count', () => {
    expect(go({ redirectCount: 20 }, { headers: {} })).toMatchObject({ reason: 'no-location' });
    expect(go({ redirectCount: 20 }, { headers: { location: 'ftp://x/' } })).toMatchObject({
      code: 'unsupported-scheme',
    });
    expect(go({ redirectCount: 20 }, { headers: { location: 'http://[' } })).toMatchObject({
      code: 'invalid-location',
    });
  });
});

describe('Location (location URL, HTTP-redirect fetch steps 3-6)', () => {
  const at = (location: string, url = 'https://a.example/dir/page?old=1') =>
    go({ url }, { headers: { location } });

  it('no Location returns the response (step 4)', () => {
    expect(go({}, { headers: {} })).toMatchObject({
      kind: 'return',
      reason: 'no-location',
      source: 'fetch-http-redirect-fetch-4',
    });
    expect(go({}, { headers: null })).toMatchObject({ reason: 'no-location' });
  });

  it.each([
    ['', 'https://a.example/dir/page?old=1'],
    ['other', 'https://a.example/dir/other'],
    ['../up', 'https://a.example/up'],
    ['/abs', 'https://a.example/abs'],
    ['//b.example/p', 'https://b.example/p'],
    ['#frag', 'https://a.example/dir/page?old=1#frag'],
    ['?q=2', 'https://a.example/dir/page?q=2'],
    ['  /trimmed  ', 'https://a.example/trimmed'],
    ['/a b', 'https://a.example/a%20b'],
    ['\\\\b.example\\p', 'https://b.example/p'],
    ['HTTPS://B.EXAMPLE:443/X', 'https://b.example/X'],
    ['http://b.example:8080', 'http://b.example:8080/'],
  ])('Location %j resolves to %s (parsed with the response URL)', (location, expected) => {
    expect(followed(at(location)).request.url).toBe(expected);
  });

  it('an empty Location leads back to the same URL, so a loop ends at the count limit', () => {
    const { request } = followed(go({ url: base }, { headers: { location: '' } }));
    expect(request.url).toBe(base);
  });

  it('resolves against response.url when given', () => {
    const result = go({}, { url: 'https://cdn.example/x/y', headers: { location: 'z' } });
    expect(followed(result).request.url).toBe('https://cdn.example/x/z');
  });

  it.each(['http://[::1', 'https://exa mple.com/', 'http://', 'https://a.example:99999/'])(
    'an unparsable Location %j is a network error (step 5)',
    (location) => {
      expect(at(location)).toMatchObject({
        kind: 'error',
        code: 'invalid-location',
        source: 'fetch-http-redirect-fetch-5',
      });
    },
  );

  it('a Location with CR or LF inside is not a header value (step 5)', () => {
    expect(at('/a\r\nSet-Cookie: x=1')).toMatchObject({ code: 'invalid-location' });
  });

  it.each([
    'data:text/html,<p>hi',
    'javascript:alert(1)',
    'ftp://files.example/x',
    'unix:/var/run/docker.sock',
    'file:///etc/passwd',
    'mailto:a@b.example',
    'blob:https://a.example/1',
    'about:blank',
  ])('%s is not an HTTP(S) scheme (step 6)', (location) => {
    expect(at(location)).toMatchObject({
      kind: 'error',
      code: 'unsupported-scheme',
      source: 'fetch-http-redirect-fetch-6',
    });
  });

  it('several Location fields are failure (extract header list values, step 5)', () => {
    const twice = [
      ['Location', '/a'],
      ['location', '/b'],
    ] as const;
    expect(go({}, { headers: twice })).toMatchObject({ code: 'invalid-location' });
    expect(go({}, { headers: { location: ['/a', '/a'] } })).toMatchObject({
      code: 'invalid-location',
      source: 'fetch-extract-header-list-values',
    });
  });

  it('a Headers object joins repeated Location fields into one value, which is followed', () => {
    const headers = new Headers();
    headers.append('location', '/a');
    headers.append('location', '/b');
    // Documented limitation: the joined value "/a, /b" is a valid relative reference.
    expect(followed(go({}, { headers })).request.url).toBe('https://a.example/a,%20/b');
  });

  it.each([
    ['/café', 'https://a.example/caf%C3%A9'],
    ['/☃?q=☃#☃', 'https://a.example/%E2%98%83?q=%E2%98%83#%E2%98%83'],
    ['/%☃', 'https://a.example/%%E2%98%83'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ])('non-ASCII %j is UTF-8 percent-encoded (URL parser)', (location, expected) => {
    expect(followed(at(location)).request.url).toBe(expected);
  });

  it('reads a byte string of UTF-8 (as Node.js hands header values over) as browsers do', () => {
    const bytes = '/\u00e2\u0098\u0083';
    const result = followed(at(bytes));
    expect(result.request.url).toBe('https://a.example/%E2%98%83');
    expect(result.changes.some((c) => c.kind === 'location-decoded')).toBe(true);
  });
});

describe('fragments (location URL step 4, RFC 9110 §10.2.2)', () => {
  it.each([
    ['https://a.example/p#sec', '/q', 'https://a.example/q#sec', true],
    ['https://a.example/p#sec', '/q#other', 'https://a.example/q#other', false],
    ['https://a.example/p#sec', '/q#', 'https://a.example/q#', false],
    ['https://a.example/p#', '/q', 'https://a.example/q#', true],
    ['https://a.example/p', '/q', 'https://a.example/q', false],
    ['https://a.example/p#a%20b', 'https://b.example/', 'https://b.example/#a%20b', true],
    ['https://a.example/p#sec', '', 'https://a.example/p#sec', true],
  ])('request %s with Location %j goes to %s', (url, location, expected, inherited) => {
    const { request, changes } = followed(go({ url }, { headers: { location } }));
    expect(request.url).toBe(expected);
    expect(changes.some((c) => c.kind === 'fragment-inherited')).toBe(inherited);
  });
});

describe('bodies that cannot be replayed (HTTP-redirect fetch step 11)', () => {
  const stream = () => new ReadableStream({ start: (c) => c.close() });

  it.each([301, 302, 307, 308] as const)(
    'a stream body fails on %i, even POST on 301/302',
    (status) => {
      for (const method of ['POST', 'PUT']) {
        expect(go({ method, body: stream() }, { status })).toMatchObject({
          kind: 'error',
          code: 'body-not-replayable',
          source: 'fetch-http-redirect-fetch-11',
        });
      }
    },
  );

  it('a 303 turns it into a GET with no body', () => {
    const { request } = followed(go({ method: 'POST', body: stream() }, { status: 303 }));
    expect(request).toMatchObject({ method: 'GET', body: null, bodyReplayable: true });
  });

  it('bodyReplayable: false marks any body; true overrides the stream guess', () => {
    expect(go({ method: 'PUT', body: 'x', bodyReplayable: false }, { status: 307 })).toMatchObject({
      code: 'body-not-replayable',
    });
    const body = stream();
    const { request } = followed(
      go({ method: 'PUT', body, bodyReplayable: true }, { status: 307 }),
    );
    expect(request.body).toBe(body);
  });

  it('a Node.js-style stream or an async iterable counts as a stream', () => {
    const piped = { pipe: () => undefined };
    const iterable = { async *[Symbol.asyncIterator]() {} };
    expect(go({ method: 'PUT', body: piped }, { status: 308 })).toMatchObject({
      code: 'body-not-replayable',
    });
    expect(go({ method: 'PUT', body: iterable }, { status: 308 })).toMatchObject({
      code: 'body-not-replayable',
    });
  });

  it('no body means nothing to replay', () => {
    expect(go({ method: 'PUT', body: null, bodyReplayable: false }, { status: 307 }).kind).toBe(
      'follow',
    );
  });

  it('families that drop the body first (follow-redirects) follow a 301 POST', () => {
    const result = go(
      { method: 'POST', body: stream() },
      { status: 301 },
      {
        client: 'follow-redirects',
      },
    );
    expect(followed(result).request.body).toBeNull();
    expect(
      go({ method: 'POST', body: stream() }, { status: 301 }, { client: 'got' }),
    ).toMatchObject({ code: 'body-not-replayable' });
  });
});

describe('origin changes (HTTP-redirect fetch step 13)', () => {
  const secrets = {
    Authorization: 'Bearer t',
    Cookie: 'a=1',
    Cookie2: '$Version=1',
    'Proxy-Authorization': 'Basic p',
    'X-Api-Key': 'k',
    Accept: '*/*',
  };
  const hop = (from: string, to: string, options?: NextRequestOptions) =>
    followed(go({ url: from, headers: secrets }, { headers: { location: to } }, options));
  const stripped = ['authorization', 'cookie', 'proxy-authorization'];

  it.each([
    ['host', 'https://a.example/', 'https://b.example/'],
    ['port', 'https://a.example/', 'https://a.example:8443/'],
    ['scheme (upgrade)', 'http://a.example/', 'https://a.example/'],
    ['subdomain', 'https://a.example/', 'https://www.a.example/'],
    ['parent domain', 'https://www.a.example/', 'https://a.example/'],
    ['downgrade', 'https://a.example/', 'http://a.example/'],
  ])('%s change removes Authorization, Cookie, Proxy-Authorization', (_, from, to) => {
    const { request, changes } = hop(from, to);
    for (const name of stripped) expect(request.headers[name]).toBeUndefined();
    // Cookie2 is no client's credential but got 15's.
    expect(request.headers.cookie2).toBe('$Version=1');
    expect(hop(from, to, { client: 'got-15' }).request.headers.cookie2).toBeUndefined();
    expect(request.headers['x-api-key']).toBe('k');
    expect(request.headers.accept).toBe('*/*');
    expect(changes.find((c) => c.header === 'authorization')?.source).toBe(
      'fetch-http-redirect-fetch-13',
    );
    expect(changes.find((c) => c.header === 'cookie')?.source).toBe('undici-fetch');
    expect(changes.some((c) => c.kind === 'origin-changed')).toBe(true);
  });

  it.each([
    ['https://a.example/x', 'https://a.example/y'],
    ['https://a.example/x', 'https://a.example:443/y'],
    ['http://a.example:80/x', 'http://a.example/y'],
    ['https://a.example/x', 'https://A.EXAMPLE/y'],
  ])('same origin %s -> %s keeps them', (from, to) => {
    const { request, changes } = hop(from, to);
    expect(request.headers.authorization).toBe('Bearer t');
    expect(request.headers.cookie).toBe('a=1');
    expect(changes.some((c) => c.kind === 'origin-changed')).toBe(false);
  });

  it('headers removed are not restored when a later hop comes back', () => {
    const first = hop('https://a.example/', 'https://b.example/');
    const second = followed(
      nextRequest(first.request, { status: 302, headers: { location: 'https://a.example/back' } }),
    );
    expect(second.request.url).toBe('https://a.example/back');
    for (const name of stripped) expect(second.request.headers[name]).toBeUndefined();
    expect(second.request.redirectCount).toBe(2);
  });

  it('a downgrade is reported as a warning, and fails with downgrade: error', () => {
    const { changes } = hop('https://a.example/', 'http://a.example/');
    expect(changes.find((c) => c.kind === 'downgrade')).toMatchObject({
      severity: 'warning',
      source: 'mixed-content',
    });
    expect(
      go(
        { url: 'https://a.example/' },
        { headers: { location: 'http://a.example/' } },
        {
          downgrade: 'error',
        },
      ),
    ).toMatchObject({ code: 'insecure-downgrade' });
    expect(
      hop('http://a.example/', 'https://a.example/').changes.some((c) => c.kind === 'downgrade'),
    ).toBe(false);
  });

  it('stripOnOriginChange adds names; keepCookiesOnOriginChange keeps cookies', () => {
    const { request } = hop('https://a.example/', 'https://b.example/', {
      stripOnOriginChange: ['X-Api-Key'],
      keepCookiesOnOriginChange: true,
    });
    expect(request.headers['x-api-key']).toBeUndefined();
    expect(request.headers.cookie).toBe('a=1');
    expect(request.headers.authorization).toBeUndefined();
  });

  it('Host is never carried, even to the same origin (RFC 9110 §7.2)', () => {
    const { request, changes } = followed(
      go({ headers: { Host: 'a.example' } }, { status: 307, headers: { location: '/same' } }),
    );
    expect(request.headers.host).toBeUndefined();
    expect(changes.find((c) => c.header === 'host')?.source).toBe('rfc9110-7.2');
  });
});

describe('credentials in the Location URL (HTTP-redirect fetch steps 9-10)', () => {
  const withUser = { headers: { location: 'https://user:pw@b.example/' } };

  it("fail by default for fetch(), whose mode is 'cors'", () => {
    expect(go({}, withUser)).toMatchObject({ kind: 'error', code: 'credentials-in-location' });
  });

  it('are followed and reported as a warning in no-cors and navigate mode', () => {
    for (const options of [
      { mode: 'no-cors' },
      { mode: 'navigate' },
      { client: 'navigation' },
      { client: 'undici' },
    ] as const) {
      const result = followed(go({}, withUser, options));
      expect(result.request.url).toBe('https://user:pw@b.example/');
      expect(result.changes.find((c) => c.kind === 'credentials-in-url')?.severity).toBe('warning');
    }
  });

  it('fail a cors request to another origin (step 9)', () => {
    expect(go({}, withUser, { mode: 'cors' })).toMatchObject({
      kind: 'error',
      code: 'credentials-in-location',
      source: 'fetch-http-redirect-fetch-9',
    });
  });

  it('fail a cors request whose origin is another (step 10, response tainting cors)', () => {
    const location = { headers: { location: 'https://user:pw@a.example/x' } };
    expect(go({}, location, { mode: 'cors', origin: 'https://a.example' }).kind).toBe('follow');
    expect(go({}, location, { mode: 'cors', origin: 'https://page.example' })).toMatchObject({
      code: 'credentials-in-location',
    });
  });
});

describe("mode 'same-origin' (main fetch of the next hop)", () => {
  it('fails on a redirect to another origin', () => {
    expect(
      go({}, { headers: { location: 'https://b.example/' } }, { mode: 'same-origin' }),
    ).toMatchObject({ code: 'cross-origin-in-same-origin-mode' });
    expect(go({}, {}, { mode: 'same-origin' }).kind).toBe('follow');
  });
});

describe('headers of the next request', () => {
  it('are a record with lower-cased names, repeats joined', () => {
    const { request } = followed(
      go(
        {
          headers: [
            ['Accept', 'a/b'],
            ['ACCEPT', 'c/d'],
            ['Cookie', 'a=1'],
            ['cookie', 'b=2'],
          ],
        },
        { status: 307 },
      ),
    );
    expect(request.headers).toEqual({ accept: 'a/b, c/d', cookie: 'a=1; b=2' });
  });

  it('accept a Headers object', () => {
    const { request } = followed(go({ headers: new Headers({ 'X-A': '1' }) }));
    expect(request.headers).toEqual({ 'x-a': '1' });
  });

  it('keep __proto__ as a plain header name', () => {
    const { request } = followed(go({ headers: [['__proto__', 'x']] }));
    expect(Object.keys(request.headers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(request.headers)).toBe(Object.prototype);
  });
});

describe('changes', () => {
  it('report the URL and the count, each with a source from the table', () => {
    const { changes } = followed(go({ redirectCount: 3 }));
    expect(changes.map((c) => c.kind)).toEqual(['url-changed', 'redirect-count-incremented']);
    for (const change of changes) expect(Object.hasOwn(sources, change.source)).toBe(true);
  });

  it('every error and return names a source from the table', () => {
    const results = [
      go({}, { headers: {} }),
      go({}, {}, { redirect: 'error' }),
      go({ method: 'bad method' }),
      go({}, { headers: { location: 'ftp://x' } }),
    ];
    for (const result of results) {
      expect(result.kind).not.toBe('follow');
      if (result.kind !== 'follow') {
        expect(Object.hasOwn(sources, result.source)).toBe(true);
      }
    }
  });
});

describe('referrer (HTTP-redirect fetch step 19, Referrer Policy)', () => {
  it('computes the Referer of the next request from the policy', () => {
    const request = { referrer: 'https://a.example/page?secret=1#f' };
    const cross = followed(go(request, { headers: { location: 'https://b.example/' } }));
    expect(cross.request.headers.referer).toBe('https://a.example/');
    expect(cross.request.referrer).toBe('https://a.example/');
    const same = followed(go(request));
    expect(same.request.headers.referer).toBe('https://a.example/page?secret=1');
  });

  it("applies the response's Referrer-Policy, last known token wins", () => {
    const result = followed(
      go(
        { referrer: 'https://a.example/page' },
        { headers: { location: '/x', 'referrer-policy': 'unknown, no-referrer' } },
      ),
    );
    expect(result.request.referrerPolicy).toBe('no-referrer');
    expect(result.request.headers.referer).toBeUndefined();
    expect(result.changes.find((c) => c.kind === 'referrer-policy-updated')?.source).toBe(
      'fetch-http-redirect-fetch-19',
    );
  });

  it('leaves Referer alone when the request has no referrer field', () => {
    const result = followed(go({ headers: { referer: 'https://r.example/' } }));
    expect(result.request.headers.referer).toBe('https://r.example/');
  });
});

describe('bad input gives an error result, never a throw', () => {
  const cases: [string, () => NextRequestResult, string][] = [
    ['non-string method', () => go({ method: 42 as unknown as string }), 'invalid-request'],
    ['method with a space', () => go({ method: 'GE T' }), 'invalid-request'],
    ['garbage URL', () => go({ url: 'not a url' }), 'invalid-request'],
    ['non-http request URL', () => go({ url: 'ftp://a.example/' }), 'invalid-request'],
    ['headers as a string', () => go({ headers: 'x' as never }), 'invalid-request'],
    ['bad header name', () => go({ headers: { 'a b': '1' } }), 'invalid-request'],
    ['header value with CRLF', () => go({ headers: { a: '1\r\nb: 2' } }), 'invalid-request'],
    ['negative count', () => go({ redirectCount: -1 }), 'invalid-request'],
    ['fractional count', () => go({ redirectCount: 1.5 }), 'invalid-request'],
    ['string count', () => go({ redirectCount: '3' as unknown as number }), 'invalid-request'],
    ['string status', () => go({}, { status: '301' as unknown as number }), 'invalid-response'],
    ['NaN status', () => go({}, { status: Number.NaN }), 'invalid-response'],
    ['bad response url', () => go({}, { url: '::' }), 'invalid-response'],
    ['bad redirect mode', () => go({}, {}, { redirect: 'nope' as never }), 'invalid-options'],
    ['bad maxRedirects', () => go({}, {}, { maxRedirects: -1 }), 'invalid-options'],
    ['bad family', () => go({}, {}, { client: 'wget' as never }), 'invalid-options'],
    [
      'null request',
      () => nextRequest(null as never, { status: 301, headers: {} }),
      'invalid-request',
    ],
    [
      'null response',
      () => nextRequest({ method: 'GET', url: base }, null as never),
      'invalid-response',
    ],
    [
      'throwing getter',
      () =>
        nextRequest(
          Object.defineProperty({ url: base }, 'method', {
            get() {
              throw new Error('boom');
            },
          }) as never,
          { status: 301, headers: {} },
        ),
      'invalid-request',
    ],
    [
      'throwing header iterator',
      () =>
        go({
          headers: {
            *[Symbol.iterator]() {
              yield* [];
              throw new Error('boom');
            },
          } as never,
        }),
      'invalid-request',
    ],
  ];
  it.each(cases)('%s', (_, run, code) => {
    const result = run();
    expect(result).toMatchObject({ kind: 'error', code });
    if (result.kind === 'error') expect(result.message).toMatch(/^@org\/redirect-core: /);
  });
});
