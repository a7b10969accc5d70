import { methodRules } from '../clients/method-rules';
import type { StatusEntry } from './types';

const noBrowserCaching = {
  value:
    'Stored only when the response allows it: explicit freshness (max-age, s-maxage, Expires), public, private, or a cache extension that allows storing.',
  source: 'rfc9111-3',
} as const;

const permanentBrowserCaching = {
  value:
    'Chromium keeps it fresh forever when it has no Cache-Control or Expires, so a wrong permanent redirect keeps redirecting until the cache is cleared (Clear-Site-Data: "cache" from the origin heals browsers, not shared caches). Send a bounded Cache-Control: max-age.',
  source: 'chromium-http-response-headers',
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
    methods: methodRules(300),
    cache: {
      heuristic: { value: true, source: 'rfc9110-15.1' },
      browsers: {
        value:
          'Chromium keeps a 300 fresh forever when it has no Cache-Control or Expires, as it does 301 and 308.',
        source: 'chromium-http-response-headers',
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
          value: 'No standard way to choose among the alternatives.',
          source: 'rfc9110-15.4.1',
        },
        {
          value:
            'Browsers follow only the Fetch redirect statuses: Chromium 156 and Firefox 153 show a 300 that carries a Location, in navigations and fetch() alike (verified by the conformance suite).',
          source: 'fetch-redirect-status',
        },
      ],
    },
    spec: {
      introducedIn: { name: 'RFC 1945 (HTTP/1.0)', source: 'rfc1945' },
      definedIn: { name: 'RFC 9110 §15.4.1', source: 'rfc9110-15.4.1' },
    },
    useWhen: 'Almost never: a resource with several representations and no preferred one.',
    avoidWhen: 'You want a redirect; clients do not follow 300 reliably.',
    mistakes: [
      'Expecting clients to agree on a 300: follow-redirects, axios, got 14 and curl follow its Location; browsers and got 15 do not.',
    ],
  },
  301: {
    code: 301,
    reason: 'Moved Permanently',
    kind: 'redirect',
    followedByFetch: { value: true, source: 'fetch-redirect-status' },
    permanent: { value: 'yes', source: 'rfc9110-15.4.2' },
    methods: methodRules(301),
    cache: {
      heuristic: { value: true, source: 'rfc9110-15.1' },
      browsers: permanentBrowserCaching,
    },
    search: {
      canonical: 'strong',
      consolidatesOnTarget: true,
      source: 'google-redirects',
      note: 'Google: a permanent redirect is a strong signal that the target should be canonical.',
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
    methods: methodRules(302),
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: {
      canonical: 'weak',
      consolidatesOnTarget: false,
      source: 'google-redirects',
      note: 'Google: a temporary redirect is a weak signal that the target should be canonical.',
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
    methods: methodRules(303),
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
    methods: methodRules(304),
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
    methods: methodRules(305),
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: { canonical: 'none', consolidatesOnTarget: false, source: 'google-http-status' },
    support: {
      browsers: null,
      caveats: [
        {
          value:
            'Deprecated due to security concerns regarding in-band configuration of a proxy; browsers do not follow it.',
          source: 'rfc7231-appendix-b',
        },
      ],
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
    methods: methodRules(306),
    cache: {
      heuristic: { value: false, source: 'rfc9110-15.1' },
      browsers: noBrowserCaching,
    },
    search: { canonical: 'none', consolidatesOnTarget: false, source: 'google-http-status' },
    support: { browsers: null, caveats: [] },
    spec: {
      introducedIn: {
        name: 'RFC 2616 §10.3.7 (used in a previous version, no longer used, reserved)',
        source: 'rfc2616-10.3.7',
      },
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
    methods: methodRules(307),
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
    methods: methodRules(308),
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
        value: { chrome: '36', edge: '12', firefox: '14', safari: '7', opera: '24', ie: '11' },
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
