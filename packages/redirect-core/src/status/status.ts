import type { StatusEntry } from './types';

// Method rules shared by several rows. Each names the document that states it.
const notFollowed = {
  fetch: {
    rewrite: 'not-followed',
    headKept: null,
    body: 'not-followed',
    source: 'fetch-redirect-status',
    note: 'Only 301, 302, 303, 307 and 308 are redirect statuses; the response is returned as is.',
  },
  undici: {
    rewrite: 'not-followed',
    headKept: null,
    body: 'not-followed',
    source: 'undici-fetch',
    note: 'Node.js fetch follows the Fetch Standard: the response is returned as is.',
  },
} as const;

const keepsMethod = {
  fetch: { rewrite: 'none', headKept: true, body: 'kept', source: 'fetch-http-redirect-fetch' },
  undici: { rewrite: 'none', headKept: true, body: 'kept', source: 'undici-fetch' },
  followRedirects: { rewrite: 'none', headKept: true, body: 'kept', source: 'follow-redirects' },
  got: { rewrite: 'none', headKept: true, body: 'kept', source: 'got-method-rewriting' },
  curl: { rewrite: 'none', headKept: true, body: 'kept', source: 'curl-location' },
} as const;

// Fetch step 12: 301/302 turn POST (only POST) into GET and drop the body.
const postToGet = {
  fetch: {
    rewrite: 'post',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'fetch-http-redirect-fetch',
  },
  undici: { rewrite: 'post', headKept: true, body: 'dropped-on-rewrite', source: 'undici-fetch' },
  followRedirects: {
    rewrite: 'post',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'follow-redirects',
    note: 'Also removes every Content-* header when it rewrites.',
  },
  got: {
    rewrite: 'none',
    headKept: true,
    body: 'kept',
    source: 'got-method-rewriting',
    note: 'With methodRewriting: true, got turns every method into GET on 301/302.',
  },
  curl: {
    rewrite: 'post',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'curl-location',
    note: 'Keeps POST with --post301/--post302; a method forced with -X is kept.',
  },
} as const;

// Fetch step 12 and RFC 9110 §15.4.4: 303 turns every method but GET and HEAD into GET.
const seeOther = {
  rfc: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'rfc9110-15.4.4',
    note: 'The client performs a retrieval (GET, or HEAD for a HEAD request) on the new URI.',
  },
  fetch: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'fetch-http-redirect-fetch',
  },
  undici: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'undici-fetch',
  },
  followRedirects: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'follow-redirects',
  },
  got: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'got-method-rewriting',
  },
  curl: {
    rewrite: 'all-but-get-head',
    headKept: true,
    body: 'dropped-on-rewrite',
    source: 'curl-location',
    note: 'Keeps POST with --post303; a method forced with -X is kept.',
  },
} as const;

const rfcKeepsMethod = (source: 'rfc9110-15.4.8' | 'rfc9110-15.4.9') =>
  ({
    rewrite: 'none',
    headKept: true,
    body: 'kept',
    source,
    note: 'The user agent MUST NOT change the request method.',
  }) as const;

const rfcMayRewritePost = (source: 'rfc9110-15.4.2' | 'rfc9110-15.4.3') =>
  ({
    rewrite: 'post-optional',
    headKept: true,
    body: 'dropped-on-rewrite',
    source,
    note: 'For historical reasons, a user agent MAY change the request method from POST to GET.',
  }) as const;

const noBrowserCaching = {
  value: 'Stored only with explicit freshness (Cache-Control max-age or Expires).',
  source: 'rfc9111-4.2.2',
} as const;

const permanentBrowserCaching = {
  value:
    'Browsers cache it with no Cache-Control, often with no expiry; a wrong permanent redirect keeps redirecting until the cache is cleared. Send a bounded Cache-Control: max-age.',
  source: 'mdn-http-caching',
} as const;

const unknownAsMultipleChoices = {
  value:
    'A client that does not know this code treats it as 300 and may show the response body instead of redirecting.',
  source: 'rfc9110-15.4',
} as const;

/**
 * The semantics of every 3xx status code, 300 to 308, each fact with its source.
 *
 * Rows exist for the codes that are not redirects too (304 is a cache answer, 305 is
 * deprecated, 306 is unused), flagged by `kind` and `followedByFetch`, so a lookup never
 * silently falls through.
 *
 * @example
 * ```ts
 * redirectStatuses[308].methods.fetch.rewrite; // 'none'
 * redirectStatuses[302].search.canonical;      // 'weak'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export const redirectStatuses = {
  300: {
    code: 300,
    reason: 'Multiple Choices',
    kind: 'multiple-choices',
    followedByFetch: { value: false, source: 'fetch-redirect-status' },
    permanent: { value: 'n/a', source: 'rfc9110-15.4.1' },
    methods: {
      rfc: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'rfc9110-15.4.1',
        note: 'The user agent MAY use a Location field for automatic redirection; no method rule is given.',
      },
      ...notFollowed,
      followRedirects: {
        ...keepsMethod.followRedirects,
        note: 'Follows a Location on any 3xx response.',
      },
      got: { ...keepsMethod.got, note: 'got counts 300 among the codes it follows.' },
      curl: { ...keepsMethod.curl, note: 'Follows a Location on 300 with the method kept.' },
    },
    cache: {
      heuristic: { value: true, source: 'rfc9110-15.1' },
      browsers: {
        value: 'Heuristically cacheable, but rarely sent, so browser behaviour is untested.',
        source: 'rfc9110-15.1',
      },
    },
    search: {
      canonical: 'none',
      consolidatesOnTarget: false,
      source: 'google-http-status',
      note: 'Not one of the redirect codes Google Search lists.',
    },
    support: {
      browsers: null,
      caveats: [
        {
          value: 'No standard way to choose among the alternatives; browsers do not choose.',
          source: 'rfc9110-15.4.1',
        },
      ],
    },
    spec: {
      introducedIn: { name: 'RFC 1945 (HTTP/1.0)', source: 'rfc1945' },
      definedIn: { name: 'RFC 9110 §15.4.1', source: 'rfc9110-15.4.1' },
    },
    useWhen: 'Almost never: a resource with several representations and no preferred one.',
    avoidWhen: 'You want a redirect; clients do not follow 300 reliably.',
    mistakes: ['Expecting browsers to follow the Location of a 300.'],
  },
  301: {
    code: 301,
    reason: 'Moved Permanently',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'yes', source: 'rfc9110-15.4.2' },
    methods: { rfc: rfcMayRewritePost('rfc9110-15.4.2'), ...postToGet },
    cache: {
      heuristic: { value: true, source: 'rfc9110-15.1' },
      browsers: permanentBrowserCaching,
    },
    search: {
      canonical: 'strong',
      consolidatesOnTarget: true,
      source: 'google-redirects',
      note: 'The target is indexed and signals move to it.',
    },
    support: { browsers: { value: 'all', source: 'mdn-301' }, caveats: [] },
    spec: {
      introducedIn: { name: 'RFC 1945 (HTTP/1.0)', source: 'rfc1945' },
      definedIn: { name: 'RFC 9110 §15.4.2', source: 'rfc9110-15.4.2' },
    },
    useWhen:
      'A page moved for good and only GET/HEAD reach it (site migrations, canonical hosts), or old clients must follow it.',
    avoidWhen: 'POST, PUT or DELETE endpoints: browsers and fetch turn POST into GET. Use 308.',
    mistakes: [
      'Using 301 for an API endpoint: a POST arrives as GET with no body.',
      'Sending it without Cache-Control: browsers cache it indefinitely and a mistake never heals.',
      'Using it for a temporary move (maintenance, A/B tests): search engines drop the old URL.',
    ],
  },
  302: {
    code: 302,
    reason: 'Found',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'no', source: 'rfc9110-15.4.3' },
    methods: { rfc: rfcMayRewritePost('rfc9110-15.4.3'), ...postToGet },
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: {
      canonical: 'weak',
      consolidatesOnTarget: false,
      source: 'google-redirects',
      note: 'The source usually stays indexed; a long-lived 302 may be treated as permanent.',
    },
    support: { browsers: { value: 'all', source: 'rfc1945' }, caveats: [] },
    spec: {
      introducedIn: { name: 'RFC 1945 (HTTP/1.0, as "Moved Temporarily")', source: 'rfc1945' },
      definedIn: { name: 'RFC 9110 §15.4.3', source: 'rfc9110-15.4.3' },
    },
    useWhen:
      'A temporary redirect that must also work with HTTP/1.0-era clients; otherwise prefer 303 or 307.',
    avoidWhen:
      'The move is permanent (use 301/308), or the method must be kept (use 307): POST becomes GET.',
    mistakes: [
      'Using 302 for a permanent move: the old URL keeps its place in search results.',
      'Relying on 302 to keep POST: browsers send GET.',
      'Trusting framework defaults: Koa ctx.redirect() and Fastify reply.redirect() answer 302.',
    ],
  },
  303: {
    code: 303,
    reason: 'See Other',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'no', source: 'rfc9110-15.4.4' },
    methods: seeOther,
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: {
      canonical: 'weak',
      consolidatesOnTarget: false,
      source: 'google-redirects',
      note: 'Google treats 303 like 302.',
    },
    support: { browsers: { value: 'all', source: 'rfc2068' }, caveats: [unknownAsMultipleChoices] },
    spec: {
      introducedIn: { name: 'RFC 2068 (HTTP/1.1)', source: 'rfc2068' },
      definedIn: { name: 'RFC 9110 §15.4.4', source: 'rfc9110-15.4.4' },
    },
    useWhen:
      'After a form POST or an action: send the client to a result page with GET (Post/Redirect/Get).',
    avoidWhen: 'The client must repeat the same method on the new URL (use 307/308).',
    mistakes: ['Using 302 for Post/Redirect/Get where 303 states the intent.'],
  },
  304: {
    code: 304,
    reason: 'Not Modified',
    kind: 'not-modified',
    followedByFetch: { value: false, source: 'fetch-redirect-status' },
    permanent: { value: 'n/a', source: 'rfc9110-15.4.5' },
    methods: {
      rfc: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'rfc9110-15.4.5',
        note: 'An answer to a conditional request: the cached representation is still valid.',
      },
      ...notFollowed,
      followRedirects: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'follow-redirects',
        note: 'A 304 carries no Location, so nothing is followed.',
      },
      got: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'got-method-rewriting',
        note: 'A 304 carries no Location, so nothing is followed.',
      },
      curl: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'curl-location',
        note: 'A 304 carries no Location, so nothing is followed.',
      },
    },
    cache: {
      heuristic: {
        value: null,
        source: 'rfc9110-15.4.5',
        note: 'It refreshes a stored response; it is not stored itself.',
      },
      browsers: {
        value: 'Used to revalidate a cached response; the cached body is shown.',
        source: 'mdn-http-caching',
      },
    },
    search: {
      canonical: 'none',
      consolidatesOnTarget: false,
      source: 'google-http-status',
      note: 'Tells the crawler the content is unchanged since the last crawl.',
    },
    support: { browsers: { value: 'all', source: 'rfc1945' }, caveats: [] },
    spec: {
      introducedIn: { name: 'RFC 1945 (HTTP/1.0)', source: 'rfc1945' },
      definedIn: { name: 'RFC 9110 §15.4.5', source: 'rfc9110-15.4.5' },
    },
    useWhen:
      'Answering a conditional GET/HEAD (If-None-Match, If-Modified-Since) that still matches.',
    avoidWhen: 'Always for redirects: 304 is a cache answer, not a redirect.',
    mistakes: ['Counting 304 as a redirect in logs or metrics.'],
  },
  305: {
    code: 305,
    reason: 'Use Proxy',
    kind: 'deprecated',
    followedByFetch: { value: false, source: 'fetch-redirect-status' },
    permanent: { value: 'n/a', source: 'rfc9110-15.4.6' },
    methods: {
      rfc: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'rfc9110-15.4.6',
        note: 'Deprecated for security reasons: in-band proxy configuration.',
      },
      ...notFollowed,
      followRedirects: {
        ...keepsMethod.followRedirects,
        note: 'Follows a Location on any 3xx response.',
      },
      got: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'got-method-rewriting',
        note: 'Not among the codes got follows.',
      },
      curl: { ...keepsMethod.curl, note: 'Follows a Location like any 3xx.' },
    },
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: { canonical: 'none', consolidatesOnTarget: false, source: 'google-http-status' },
    support: {
      browsers: null,
      caveats: [{ value: 'Browsers ignore it for security reasons.', source: 'rfc9110-15.4.6' }],
    },
    spec: {
      introducedIn: { name: 'RFC 2068 (HTTP/1.1)', source: 'rfc2068' },
      definedIn: { name: 'RFC 9110 §15.4.6 (deprecated)', source: 'rfc9110-15.4.6' },
    },
    useWhen: 'Never: deprecated.',
    avoidWhen: 'Always.',
    mistakes: ['Sending 305 to route clients through a proxy.'],
  },
  306: {
    code: 306,
    reason: '(Unused)',
    kind: 'unused',
    followedByFetch: { value: false, source: 'fetch-redirect-status' },
    permanent: { value: 'n/a', source: 'rfc9110-15.4.7' },
    methods: {
      rfc: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'rfc9110-15.4.7',
        note: 'Reserved; defined in a previous version and no longer used.',
      },
      ...notFollowed,
      followRedirects: {
        ...keepsMethod.followRedirects,
        note: 'Follows a Location on any 3xx response.',
      },
      got: {
        rewrite: 'not-followed',
        headKept: null,
        body: 'not-followed',
        source: 'got-method-rewriting',
        note: 'Not among the codes got follows.',
      },
      curl: { ...keepsMethod.curl, note: 'Follows a Location like any 3xx.' },
    },
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: { canonical: 'none', consolidatesOnTarget: false, source: 'google-http-status' },
    support: { browsers: null, caveats: [] },
    spec: {
      introducedIn: { name: 'RFC 2616 (reserved, formerly "Switch Proxy")', source: 'rfc2616' },
      definedIn: { name: 'RFC 9110 §15.4.7 (unused)', source: 'rfc9110-15.4.7' },
    },
    useWhen: 'Never: the code is reserved.',
    avoidWhen: 'Always.',
    mistakes: ['Using 306 at all.'],
  },
  307: {
    code: 307,
    reason: 'Temporary Redirect',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'no', source: 'rfc9110-15.4.8' },
    methods: { rfc: rfcKeepsMethod('rfc9110-15.4.8'), ...keepsMethod },
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: {
      canonical: 'weak',
      consolidatesOnTarget: false,
      source: 'google-redirects',
      note: 'Google treats 307 like 302.',
    },
    support: {
      browsers: { value: 'all', source: 'rfc2616' },
      caveats: [unknownAsMultipleChoices],
    },
    spec: {
      introducedIn: { name: 'RFC 2616 (HTTP/1.1)', source: 'rfc2616' },
      definedIn: { name: 'RFC 9110 §15.4.8', source: 'rfc9110-15.4.8' },
    },
    useWhen: 'A temporary move where the method and body must be repeated (APIs, maintenance).',
    avoidWhen: 'The move is permanent (use 308), or a POST should become a GET (use 303).',
    mistakes: [
      'Confusing it with the internal 307 browsers show for HSTS upgrades: that one never crosses the network.',
    ],
  },
  308: {
    code: 308,
    reason: 'Permanent Redirect',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'yes', source: 'rfc9110-15.4.9' },
    methods: { rfc: rfcKeepsMethod('rfc9110-15.4.9'), ...keepsMethod },
    cache: {
      heuristic: { value: true, source: 'rfc9110-15.1' },
      browsers: permanentBrowserCaching,
    },
    search: {
      canonical: 'strong',
      consolidatesOnTarget: true,
      source: 'google-redirects',
      note: 'Google treats 308 like 301.',
    },
    support: {
      browsers: {
        value: { chrome: '36', edge: '12', firefox: '51', safari: '7', opera: '24', ie: '11' },
        source: 'mdn-bcd-308',
        note: 'Internet Explorer 11 only on Windows 10.',
      },
      caveats: [
        unknownAsMultipleChoices,
        {
          value: 'Older clients (IE 11 before Windows 10, old HTTP libraries) do not follow it.',
          source: 'mdn-bcd-308',
        },
      ],
    },
    spec: {
      introducedIn: { name: 'RFC 7538 (first as RFC 7238)', source: 'rfc7538' },
      definedIn: { name: 'RFC 9110 §15.4.9', source: 'rfc9110-15.4.9' },
    },
    useWhen: 'A permanent move of anything, including APIs: the method and body are kept.',
    avoidWhen: 'Clients that predate 308 must follow it (use 301, for GET-only URLs).',
    mistakes: [
      'Sending it without Cache-Control: browsers cache it indefinitely and a mistake never heals.',
    ],
  },
} as const satisfies Record<300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308, StatusEntry>;

/** The table's type: one row per 3xx code. */
export type RedirectStatusTable = typeof redirectStatuses;

/** Every 3xx code in the table: 300 to 308. */
export type StatusCode = keyof RedirectStatusTable;

/**
 * The codes the Fetch standard follows, derived from the table's `followedByFetch` facts:
 * 301, 302, 303, 307 and 308.
 */
export type RedirectStatus = {
  [K in StatusCode]: RedirectStatusTable[K]['followedByFetch']['value'] extends true ? K : never;
}[StatusCode];

/** Every code of the table, in order. */
export const statusCodes = Object.keys(redirectStatuses).map(Number) as StatusCode[];

/** The codes the Fetch standard follows, in order: 301, 302, 303, 307, 308. */
export const redirectStatusCodes = statusCodes.filter(
  (code) => redirectStatuses[code].followedByFetch.value,
) as RedirectStatus[];

/**
 * Whether `code` is one of the statuses the Fetch standard follows (301, 302, 303, 307, 308).
 *
 * @example
 * ```ts
 * isRedirectStatus(308); // true
 * isRedirectStatus(304); // false: a cache answer
 * ```
 * @see https://fetch.spec.whatwg.org/#redirect-status
 */
export function isRedirectStatus(code: unknown): code is RedirectStatus {
  return typeof code === 'number' && (redirectStatusCodes as number[]).includes(code);
}

/** Whether `code` has a row in {@link redirectStatuses} (300 to 308). */
export function isStatusCode(code: unknown): code is StatusCode {
  return typeof code === 'number' && Object.hasOwn(redirectStatuses, code);
}
