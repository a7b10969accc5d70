import type { SourceId } from '../status/sources';
import type { ClientId, ClientProfile, ProfileStatus, StatusRule } from './types';

const codes = [300, 301, 302, 303, 304, 305, 306, 307, 308] as const;

type Rules = { readonly [S in ProfileStatus]: StatusRule };

/** The same rule for every code, then the listed codes' own rules. */
function rules(base: StatusRule, own: Partial<Record<ProfileStatus, StatusRule>>): Rules {
  const out = {} as Record<ProfileStatus, StatusRule>;
  for (const code of codes) out[code] = own[code] ?? base;
  return out;
}

const notFollowed = (source: SourceId, note?: string): StatusRule =>
  note === undefined
    ? { follows: false, toGet: 'none', body: 'with-method', source }
    : { follows: false, toGet: 'none', body: 'with-method', source, note };

const keep = (source: SourceId, note?: string): StatusRule =>
  note === undefined
    ? { follows: true, toGet: 'none', body: 'with-method', source }
    : { follows: true, toGet: 'none', body: 'with-method', source, note };

/** Fetch's HTTP-redirect fetch step 12: 301/302 turn POST into GET, 303 all but GET/HEAD. */
const fetchRules = (source: SourceId): Rules =>
  rules(
    notFollowed(
      'fetch-redirect-status',
      'Only 301, 302, 303, 307 and 308 are redirect statuses; the response is returned as is.',
    ),
    {
      301: { follows: true, toGet: 'post', body: 'with-method', source },
      302: { follows: true, toGet: 'post', body: 'with-method', source },
      303: { follows: true, toGet: 'all-but-get-head', body: 'with-method', source },
      307: keep(source),
      308: keep(source),
    },
  );

/** follow-redirects: any 3xx with a Location, 301/302 POST and 303 non-GET/HEAD become GET. */
const followRedirectsRules = (source: SourceId): Rules =>
  rules(keep(source, 'Follows a Location on any 3xx response, with the method and body kept.'), {
    301: { follows: true, toGet: 'post', body: 'with-method', source },
    302: { follows: true, toGet: 'post', body: 'with-method', source },
    303: { follows: true, toGet: 'all-but-get-head', body: 'with-method', source },
  });

const fetchCredentials = [
  {
    headers: ['authorization'],
    on: 'origin',
    source: 'fetch-http-redirect-fetch-13',
  },
  {
    headers: ['cookie', 'proxy-authorization'],
    on: 'origin',
    source: 'undici-fetch',
    note: 'Browsers add cookies and proxy credentials per URL themselves; undici deletes caller-set ones.',
  },
] as const;

/**
 * One profile per client: which statuses it follows, what happens to the method, the body and
 * its headers, which credentials it removes on which move, its redirect limit and how it sets
 * Origin and Referer, each fact with its source. Profiles marked `verified.by: 'suite'` are
 * proved cell by cell against the real client by packages/client-conformance.
 *
 * @example
 * ```ts
 * clientProfiles.axios.maxRedirects.value;        // 21
 * clientProfiles.got.statuses[305].follows;       // false
 * clientProfiles['curl-x'].statuses[302].body;    // 'dropped': the method stays, the body goes
 * ```
 */
export const clientProfiles = {
  fetch: {
    id: 'fetch',
    name: 'fetch() in browsers',
    statuses: fetchRules('fetch-http-redirect-fetch-12'),
    withoutLocation: { value: 'return', source: 'fetch-http-redirect-fetch-4' },
    bodyHeaders: { value: 'request-body-headers', source: 'fetch-request-body-header-name' },
    credentials: fetchCredentials,
    maxRedirects: { value: 20, source: 'fetch-http-redirect-fetch-7' },
    origin: {
      value: 'fetch',
      source: 'fetch-append-origin',
      note: 'A GET or HEAD to the page origin carries no Origin; one to another origin does.',
    },
    referer: { value: 'policy', source: 'referrer-policy-determine' },
    verified: {
      by: 'suite',
      client: 'Chromium',
      version: '156',
      range: '>=120',
      also: ['Firefox 153.8.0'],
      source: 'fetch-http-redirect-fetch',
    },
  },
  undici: {
    id: 'undici',
    name: 'Node.js fetch (undici)',
    statuses: fetchRules('undici-fetch'),
    withoutLocation: { value: 'return', source: 'undici-fetch' },
    bodyHeaders: { value: 'request-body-headers', source: 'undici-fetch' },
    credentials: [
      {
        headers: ['authorization', 'cookie', 'proxy-authorization'],
        on: 'origin',
        source: 'undici-fetch',
      },
    ],
    maxRedirects: { value: 20, source: 'undici-fetch' },
    origin: {
      value: 'as-set',
      source: 'undici-fetch',
      note: 'Node.js has no page origin: no Origin header is added.',
    },
    referer: {
      value: 'as-set',
      source: 'undici-fetch',
      note: 'No Referer is added (the referrer is "no-referrer" without a page).',
    },
    verified: {
      by: 'suite',
      client: 'undici',
      version: '6.29.1',
      range: '>=6 <8',
      source: 'undici-fetch',
    },
  },
  navigation: {
    id: 'navigation',
    name: 'Browser navigation and form submission',
    statuses: fetchRules('fetch-http-redirect-fetch-12'),
    withoutLocation: { value: 'return', source: 'fetch-http-redirect-fetch-4' },
    bodyHeaders: { value: 'request-body-headers', source: 'fetch-request-body-header-name' },
    credentials: fetchCredentials,
    maxRedirects: {
      value: 19,
      source: 'chromium-redirect-limit',
      note: 'A navigation fails with ERR_TOO_MANY_REDIRECTS at its 20th redirect; fetch() follows 20.',
    },
    origin: {
      value: 'navigation',
      source: 'chromium-redirect-util',
      note: 'Chromium: a form POST sends Origin, "null" after a hop to another origin. Firefox 153 navigations follow the Fetch standard instead (the page origin, 20 redirects): predict them with { client: "fetch", mode: "navigate" }.',
    },
    referer: { value: 'policy', source: 'referrer-policy-determine' },
    verified: {
      by: 'suite',
      client: 'Chromium',
      version: '156',
      range: '>=120',
      source: 'chromium-redirect-util',
    },
  },
  'follow-redirects': {
    id: 'follow-redirects',
    name: 'follow-redirects',
    statuses: followRedirectsRules('follow-redirects'),
    withoutLocation: { value: 'return', source: 'follow-redirects' },
    bodyHeaders: {
      value: 'content-star',
      source: 'follow-redirects',
      note: 'removeMatchingHeaders(/^content-/i) when the method becomes GET.',
    },
    credentials: [
      {
        headers: ['authorization', 'proxy-authorization', 'cookie'],
        on: 'non-subdomain-or-insecure',
        source: 'follow-redirects',
        note: 'Kept on a move to a subdomain of the current host; the host includes the port.',
      },
    ],
    maxRedirects: { value: 21, source: 'follow-redirects' },
    origin: { value: 'as-set', source: 'follow-redirects' },
    referer: { value: 'as-set', source: 'follow-redirects' },
    verified: {
      by: 'suite',
      client: 'follow-redirects',
      version: '1.16.3',
      range: '>=1.15.6 <2',
      source: 'follow-redirects',
    },
  },
  axios: {
    id: 'axios',
    name: 'axios (Node.js)',
    statuses: followRedirectsRules('follow-redirects'),
    withoutLocation: { value: 'return', source: 'follow-redirects' },
    bodyHeaders: { value: 'content-star', source: 'follow-redirects' },
    credentials: [
      {
        headers: ['authorization', 'proxy-authorization', 'cookie'],
        on: 'non-subdomain-or-insecure',
        source: 'follow-redirects',
      },
      {
        headers: ['authorization', 'cookie'],
        on: 'origin',
        source: 'axios-http-adapter',
        note: "axios's own beforeRedirect, on top of follow-redirects'.",
      },
      {
        headers: ['proxy-authorization'],
        on: 'any',
        source: 'axios-http-adapter',
        note: 'setProxy removes it on every redirect, even to the same origin.',
      },
    ],
    maxRedirects: {
      value: 21,
      source: 'follow-redirects',
      note: "axios leaves follow-redirects' default.",
    },
    origin: { value: 'as-set', source: 'axios-http-adapter' },
    referer: { value: 'as-set', source: 'axios-http-adapter' },
    verified: {
      by: 'suite',
      client: 'axios',
      version: '1.21.1',
      range: '>=1.12 <2',
      source: 'axios-http-adapter',
    },
  },
  got: {
    id: 'got',
    name: 'got 14',
    statuses: rules(keep('got-14-source'), {
      303: {
        follows: true,
        toGet: 'all-but-get-head',
        body: 'with-method',
        source: 'got-14-source',
        note: 'With methodRewriting: true, 300-302 and 304 turn every method into GET too.',
      },
      305: notFollowed('got-14-source', 'Not among the codes got 14 follows.'),
      306: notFollowed('got-14-source', 'Not among the codes got 14 follows.'),
    }),
    withoutLocation: { value: 'return', source: 'got-14-source' },
    bodyHeaders: {
      value: 'framing-only',
      source: 'got-14-source',
      note: 'Only Content-Length is deleted; Content-Type stays on the GET.',
    },
    credentials: [
      {
        headers: ['authorization', 'cookie'],
        on: 'host-or-port',
        source: 'got-14-source',
        note: 'Proxy-Authorization is kept.',
      },
    ],
    maxRedirects: { value: 10, source: 'got-max-redirects' },
    origin: { value: 'as-set', source: 'got-14-source' },
    referer: { value: 'as-set', source: 'got-14-source' },
    verified: {
      by: 'suite',
      client: 'got',
      version: '14.6.5',
      range: '>=14 <15',
      source: 'got-14-source',
    },
  },
  'got-15': {
    id: 'got-15',
    name: 'got 15+',
    statuses: rules(notFollowed('got-15-source', 'Not among the codes got 15 follows.'), {
      301: {
        follows: true,
        toGet: 'post-cross-origin',
        body: 'dropped-cross-origin',
        source: 'got-15-source',
      },
      302: {
        follows: true,
        toGet: 'post-cross-origin',
        body: 'dropped-cross-origin',
        source: 'got-15-source',
      },
      303: {
        follows: true,
        toGet: 'all-but-get-head',
        body: 'dropped-cross-origin',
        source: 'got-15-source',
        note: 'With methodRewriting: true, HEAD becomes GET too.',
      },
      307: {
        follows: true,
        toGet: 'none',
        body: 'dropped-cross-origin',
        source: 'got-15-source',
      },
      308: {
        follows: true,
        toGet: 'none',
        body: 'dropped-cross-origin',
        source: 'got-15-source',
      },
    }),
    withoutLocation: { value: 'return', source: 'got-15-source' },
    bodyHeaders: { value: 'body-headers', source: 'got-15-source' },
    credentials: [
      {
        headers: ['authorization', 'cookie', 'cookie2', 'proxy-authorization'],
        on: 'origin',
        source: 'got-15-source',
      },
    ],
    maxRedirects: { value: 10, source: 'got-max-redirects' },
    origin: { value: 'as-set', source: 'got-15-source' },
    referer: { value: 'as-set', source: 'got-15-source' },
    verified: {
      by: 'documented',
      client: 'got',
      version: '15.0.5',
      range: '>=15',
      source: 'got-15-source',
    },
  },
  curl: {
    id: 'curl',
    name: 'curl -L',
    statuses: rules(keep('curl-follow', 'Follows a Location on any 3xx response.'), {
      301: { follows: true, toGet: 'post', body: 'with-method', source: 'curl-follow' },
      302: { follows: true, toGet: 'post', body: 'with-method', source: 'curl-follow' },
      303: {
        follows: true,
        toGet: 'all-but-get-head',
        body: 'with-method',
        source: 'curl-follow',
        note: 'Keeps POST with --post303.',
      },
    }),
    withoutLocation: { value: 'return', source: 'curl-location' },
    bodyHeaders: {
      value: 'framing-only',
      source: 'curl-follow',
      note: 'A Content-Type given with -H is sent again without the body.',
    },
    credentials: [
      {
        headers: ['authorization', 'cookie'],
        on: 'origin',
        source: 'curl-credentials-other-host',
        note: 'Proxy-Authorization is kept; --location-trusted keeps them all.',
      },
    ],
    maxRedirects: { value: 50, source: 'curl-max-redirs' },
    origin: { value: 'as-set', source: 'curl-location' },
    referer: {
      value: 'as-set',
      source: 'curl-location',
      note: 'No Referer unless --referer ";auto" is given.',
    },
    verified: {
      by: 'suite',
      client: 'curl',
      version: '7.88.1',
      range: '>=7.83 <8.16',
      source: 'curl-follow',
    },
  },
  'curl-x': {
    id: 'curl-x',
    name: 'curl -L -X METHOD',
    statuses: rules(keep('curl-request', 'Follows a Location on any 3xx response.'), {
      301: {
        follows: true,
        toGet: 'none',
        body: 'dropped',
        source: 'curl-request',
        note: 'The -X method is sent again without the body.',
      },
      302: {
        follows: true,
        toGet: 'none',
        body: 'dropped',
        source: 'curl-request',
        note: 'The -X method is sent again without the body.',
      },
      303: {
        follows: true,
        toGet: 'none',
        body: 'dropped',
        source: 'curl-request',
        note: 'The -X method is sent again without the body.',
      },
    }),
    withoutLocation: { value: 'return', source: 'curl-location' },
    bodyHeaders: { value: 'framing-only', source: 'curl-follow' },
    credentials: [
      {
        headers: ['authorization', 'cookie'],
        on: 'origin',
        source: 'curl-credentials-other-host',
        note: 'Proxy-Authorization is kept.',
      },
    ],
    maxRedirects: { value: 50, source: 'curl-max-redirs' },
    origin: { value: 'as-set', source: 'curl-request' },
    referer: { value: 'as-set', source: 'curl-request' },
    verified: {
      by: 'suite',
      client: 'curl',
      version: '7.88.1',
      range: '>=7.83 <8.16',
      source: 'curl-request',
    },
  },
  rfc: {
    id: 'rfc',
    name: 'RFC 9110',
    statuses: {
      300: notFollowed(
        'rfc9110-15.4.1',
        'The user agent MAY use a Location field for automatic redirection; no method rule is given.',
      ),
      301: {
        follows: true,
        toGet: 'post-optional',
        body: 'with-method',
        source: 'rfc9110-15.4.2',
        note: 'For historical reasons, a user agent MAY change the request method from POST to GET.',
      },
      302: {
        follows: true,
        toGet: 'post-optional',
        body: 'with-method',
        source: 'rfc9110-15.4.3',
        note: 'For historical reasons, a user agent MAY change the request method from POST to GET.',
      },
      303: {
        follows: true,
        toGet: 'all-but-get-head',
        body: 'with-method',
        source: 'rfc9110-15.4.4',
        note: 'The client performs a retrieval (GET, or HEAD for a HEAD request) on the new URI.',
      },
      304: notFollowed(
        'rfc9110-15.4.5',
        'An answer to a conditional request: the cached representation is still valid.',
      ),
      305: notFollowed(
        'rfc7231-appendix-b',
        'Deprecated due to security concerns regarding in-band configuration of a proxy.',
      ),
      306: notFollowed(
        'rfc9110-15.4.7',
        'Reserved; defined in a previous version and no longer used.',
      ),
      307: keep(
        'rfc9110-15.4.8',
        'The user agent MUST NOT change the request method if it performs an automatic redirection.',
      ),
      308: keep(
        'rfc7538-3',
        'RFC 7538 §3 and the note in RFC 9110 §15.4: the request method is not changed.',
      ),
    },
    withoutLocation: { value: 'return', source: 'rfc9110-15.4' },
    bodyHeaders: { value: 'request-body-headers', source: 'fetch-request-body-header-name' },
    credentials: [
      {
        headers: ['authorization', 'cookie', 'proxy-authorization'],
        on: 'origin',
        source: 'rfc9110-17',
      },
    ],
    maxRedirects: {
      value: 20,
      source: 'fetch-http-redirect-fetch-7',
      note: "RFC 9110 sets no number (a client SHOULD detect loops); Fetch's 20 is used.",
    },
    origin: { value: 'as-set', source: 'rfc9110-15.4' },
    referer: { value: 'as-set', source: 'rfc9110-15.4' },
    verified: {
      by: 'documented',
      client: 'RFC 9110',
      version: 'RFC 9110',
      range: 'RFC 9110',
      source: 'rfc9110-15.4',
    },
  },
} as const satisfies { readonly [K in ClientId]: ClientProfile & { readonly id: K } };

/** The profiles' type: one per {@link ClientId}. */
export type ClientProfiles = typeof clientProfiles;

/** Whether `value` is a client id. */
export function isClientId(value: unknown): value is ClientId {
  return typeof value === 'string' && Object.hasOwn(clientProfiles, value);
}
