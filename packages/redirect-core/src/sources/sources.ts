/**
 * Every document a fact in this package rests on. Facts name a key of this table, so a fact
 * without a source, or with a misspelt one, fails to compile. Exported by
 * `@org/redirect-core/sources` (and the root entry), not by `/status`: the data and
 * `nextRequest` carry the ids, and only what shows the documents pays for their text.
 *
 * @example
 * ```ts
 * import { sources } from '@org/redirect-core/sources';
 * sources['rfc9110-15.4.2'].title; // 'RFC 9110 §15.4.2: 301 Moved Permanently'
 * ```
 */
export const sources = {
  'rfc9110-15.1': {
    title: 'RFC 9110 §15.1: Overview of Status Codes (heuristically cacheable codes)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.1',
  },
  'rfc9110-15.4': {
    title: 'RFC 9110 §15.4: Redirection 3xx',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4',
  },
  'rfc9110-15.4.1': {
    title: 'RFC 9110 §15.4.1: 300 Multiple Choices',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.1',
  },
  'rfc9110-15.4.2': {
    title: 'RFC 9110 §15.4.2: 301 Moved Permanently',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2',
  },
  'rfc9110-15.4.3': {
    title: 'RFC 9110 §15.4.3: 302 Found',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3',
  },
  'rfc9110-15.4.4': {
    title: 'RFC 9110 §15.4.4: 303 See Other',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4',
  },
  'rfc9110-15.4.5': {
    title: 'RFC 9110 §15.4.5: 304 Not Modified',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5',
  },
  'rfc9110-15.4.6': {
    title: 'RFC 9110 §15.4.6: 305 Use Proxy (deprecated)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6',
  },
  'rfc9110-15.4.7': {
    title: 'RFC 9110 §15.4.7: 306 (Unused)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.7',
  },
  'rfc9110-15.4.8': {
    title: 'RFC 9110 §15.4.8: 307 Temporary Redirect',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.8',
  },
  'rfc9110-15.4.9': {
    title: 'RFC 9110 §15.4.9: 308 Permanent Redirect',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9',
  },
  'rfc9111-4.2.2': {
    title: 'RFC 9111 §4.2.2: Calculating Heuristic Freshness',
    url: 'https://www.rfc-editor.org/rfc/rfc9111#section-4.2.2',
  },
  rfc1945: {
    title: 'RFC 1945: Hypertext Transfer Protocol -- HTTP/1.0 (§9.3 Redirection 3xx)',
    url: 'https://www.rfc-editor.org/rfc/rfc1945#section-9.3',
  },
  rfc2068: {
    title: 'RFC 2068: Hypertext Transfer Protocol -- HTTP/1.1 (§10.3 Redirection 3xx)',
    url: 'https://www.rfc-editor.org/rfc/rfc2068#section-10.3',
  },
  rfc2616: {
    title: 'RFC 2616: Hypertext Transfer Protocol -- HTTP/1.1 (§10.3 Redirection 3xx)',
    url: 'https://www.rfc-editor.org/rfc/rfc2616#section-10.3',
  },
  rfc7538: {
    title: 'RFC 7538: The Hypertext Transfer Protocol Status Code 308 (Permanent Redirect)',
    url: 'https://www.rfc-editor.org/rfc/rfc7538',
  },
  'fetch-redirect-status': {
    title: 'Fetch Standard: redirect status (301, 302, 303, 307, 308)',
    url: 'https://fetch.spec.whatwg.org/#redirect-status',
  },
  'fetch-http-redirect-fetch': {
    title: 'Fetch Standard §4.5 HTTP-redirect fetch (step 12: method rewrite and body drop)',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'undici-fetch': {
    title: "Node.js fetch (undici) follows the Fetch Standard's HTTP-redirect fetch",
    url: 'https://github.com/nodejs/undici/blob/main/lib/web/fetch/index.js',
  },
  'follow-redirects': {
    title: 'follow-redirects (used by axios in Node.js): RedirectableRequest._processResponse',
    url: 'https://github.com/follow-redirects/follow-redirects/blob/main/index.js',
  },
  'got-method-rewriting': {
    title: 'got: the methodRewriting option (default false: only 303 is rewritten)',
    url: 'https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#methodrewriting',
  },
  'curl-location': {
    title: 'curl -L/--location and --post301/--post302/--post303',
    url: 'https://curl.se/docs/manpage.html#-L',
  },
  'mdn-http-caching': {
    title: 'MDN: HTTP caching (heuristic caching; permanent redirects)',
    url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Caching',
  },
  'mdn-301': {
    title: 'MDN: 301 Moved Permanently',
    url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/301',
  },
  'mdn-bcd-308': {
    title: 'MDN browser-compat-data: http.status.308',
    url: 'https://github.com/mdn/browser-compat-data/blob/main/http/status.json',
  },
  'google-redirects': {
    title: 'Google Search Central: Redirects and Google Search',
    url: 'https://developers.google.com/search/docs/crawling-indexing/301-redirects',
  },
  'google-http-status': {
    title: 'Google Search Central: How HTTP status codes affect Google Search (3xx)',
    url: 'https://developers.google.com/search/docs/crawling-indexing/http-network-errors#3xx-redirection',
  },
  // nextRequest(): one entry per step of the Fetch algorithms it follows, so a change or an
  // error names the exact step.
  'fetch-http-fetch-6': {
    title:
      'Fetch Standard §4.4 HTTP fetch, step 6: switch on the redirect mode (error, manual, follow)',
    url: 'https://fetch.spec.whatwg.org/#http-fetch',
  },
  'fetch-location-url': {
    title:
      "Fetch Standard: a response's location URL (parsed against the response URL; inherits the request's fragment)",
    url: 'https://fetch.spec.whatwg.org/#concept-response-location-url',
  },
  'fetch-extract-header-list-values': {
    title:
      'Fetch Standard: extract header list values (failure when a single-value header repeats)',
    url: 'https://fetch.spec.whatwg.org/#extract-header-list-values',
  },
  'fetch-http-redirect-fetch-4': {
    title: 'Fetch Standard HTTP-redirect fetch, step 4: no location URL, the response is returned',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-5': {
    title: 'Fetch Standard HTTP-redirect fetch, step 5: location URL failure is a network error',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-6': {
    title:
      'Fetch Standard HTTP-redirect fetch, step 6: a scheme other than http(s) is a network error',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-7': {
    title:
      'Fetch Standard HTTP-redirect fetch, steps 7-8: redirect count 20 fails, else it grows by 1',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-9': {
    title:
      'Fetch Standard HTTP-redirect fetch, steps 9-10: cors requests fail on a location URL with credentials',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-11': {
    title:
      'Fetch Standard HTTP-redirect fetch, step 11: a body with a null source fails on every status but 303',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-12': {
    title:
      'Fetch Standard HTTP-redirect fetch, step 12: 301/302 POST and 303 non-GET/HEAD become GET, body and request-body headers dropped',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-13': {
    title:
      'Fetch Standard HTTP-redirect fetch, step 13: Authorization is deleted when the origin changes',
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-http-redirect-fetch-19': {
    title: "Fetch Standard HTTP-redirect fetch, step 19: set request's referrer policy on redirect",
    url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  },
  'fetch-main-fetch-same-origin': {
    title:
      'Fetch Standard main fetch: a same-origin mode request to another origin is a network error',
    url: 'https://fetch.spec.whatwg.org/#main-fetch',
  },
  'fetch-method-normalize': {
    title:
      'Fetch Standard: normalize a method (DELETE, GET, HEAD, OPTIONS, POST, PUT are upper-cased)',
    url: 'https://fetch.spec.whatwg.org/#concept-method-normalize',
  },
  'fetch-request-body-header-name': {
    title:
      'Fetch Standard: request-body-header names (Content-Encoding, Content-Language, Content-Location, Content-Type)',
    url: 'https://fetch.spec.whatwg.org/#request-body-header-name',
  },
  'rfc9111-3': {
    title:
      'RFC 9111 §3: Storing Responses in Caches (explicit freshness, public, private, s-maxage or a cache extension allow storing)',
    url: 'https://www.rfc-editor.org/rfc/rfc9111#section-3',
  },
  'rfc7538-3': {
    title:
      'RFC 7538 §3: 308 Permanent Redirect (the user agent MUST NOT change the request method)',
    url: 'https://www.rfc-editor.org/rfc/rfc7538#section-3',
  },
  'rfc7231-appendix-b': {
    title:
      'RFC 7231 Appendix B: 305 (Use Proxy) deprecated due to security concerns regarding in-band proxy configuration',
    url: 'https://www.rfc-editor.org/rfc/rfc7231#appendix-B',
  },
  'rfc2616-10.3.4': {
    title:
      'RFC 2616 §10.3.4: 303 See Other (many pre-HTTP/1.1 user agents do not understand 303; use 302 for them)',
    url: 'https://www.rfc-editor.org/rfc/rfc2616#section-10.3.4',
  },
  'rfc2616-10.3.7': {
    title: 'RFC 2616 §10.3.7: 306 (Unused): used in a previous version, no longer used, reserved',
    url: 'https://www.rfc-editor.org/rfc/rfc2616#section-10.3.7',
  },
  'rfc6797-8.3': {
    title:
      'RFC 6797 §8.3: HSTS: a user agent rewrites http URIs of a known HSTS host to https before any request',
    url: 'https://www.rfc-editor.org/rfc/rfc6797#section-8.3',
  },
  'fetch-append-origin': {
    title:
      'Fetch Standard: append a request Origin header (CORS requests and methods other than GET/HEAD; "null" when tainted)',
    url: 'https://fetch.spec.whatwg.org/#append-a-request-origin-header',
  },
  'fetch-opaque-redirect': {
    title:
      "Fetch Standard: an opaque-redirect filtered response (redirect 'manual': status 0, no headers, no Location)",
    url: 'https://fetch.spec.whatwg.org/#concept-filtered-response-opaque-redirect',
  },
  'chromium-redirect-util': {
    title:
      'Chromium net/url_request/redirect_util.cc: method change on redirect, Origin set to "null" after a cross-origin hop',
    url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/url_request/redirect_util.cc',
  },
  'chromium-redirect-limit': {
    title: 'Chromium net/url_request/url_request.cc: kMaxRedirects (ERR_TOO_MANY_REDIRECTS)',
    url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/url_request/url_request.cc',
  },
  'chromium-http-response-headers': {
    title:
      'Chromium net/http/http_response_headers.cc: IsRedirect (301, 302, 303, 307, 308) and GetFreshnessLifetimes (300, 301, 308 and 410 fresh forever without Cache-Control)',
    url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/http/http_response_headers.cc',
  },
  'axios-http-adapter': {
    title:
      'axios lib/adapters/http.js: dispatchBeforeRedirect (Authorization and Cookie removed on an origin change) and setProxy (Proxy-Authorization removed on every redirect)',
    url: 'https://github.com/axios/axios/blob/v1.x/lib/adapters/http.js',
  },
  'got-14-source': {
    title:
      'got 14 source/core/index.ts: redirectCodes 300-304, 307, 308; 303 becomes GET; cookie and authorization removed when host or port change',
    url: 'https://github.com/sindresorhus/got/blob/v14.6.5/source/core/index.ts',
  },
  'got-15-source': {
    title:
      'got 15 source/core/index.ts: redirectCodes 301-303, 307, 308; cross-origin POST on 301/302 becomes GET; body and credentials dropped on a cross-origin redirect',
    url: 'https://github.com/sindresorhus/got/blob/v15.0.5/source/core/index.ts',
  },
  'got-max-redirects': {
    title: 'got options: maxRedirects (default 10)',
    url: 'https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#maxredirects',
  },
  'curl-follow': {
    title:
      'curl lib/transfer.c Curl_follow: POST becomes GET on 301/302, everything but HEAD on 303; a -X method string is still sent',
    url: 'https://github.com/curl/curl/blob/curl-7_88_1/lib/transfer.c',
  },
  'curl-max-redirs': {
    title: 'curl --max-redirs (default 50)',
    url: 'https://curl.se/docs/manpage.html#--max-redirs',
  },
  'curl-request': {
    title: 'curl -X/--request: the method string is used for every request of a -L chain',
    url: 'https://curl.se/docs/manpage.html#-X',
  },
  'curl-credentials-other-host': {
    title:
      'curl CVE-2022-27776: custom Authorization and Cookie headers are sent only to the same host, port and protocol',
    url: 'https://curl.se/docs/CVE-2022-27776.html',
  },
  'html-refresh': {
    title:
      'HTML Standard: shared declarative refresh steps (<meta http-equiv="refresh"> and the Refresh header)',
    url: 'https://html.spec.whatwg.org/multipage/document-lifecycle.html#shared-declarative-refresh-steps',
  },
  'google-meta-refresh': {
    title: 'Google Search Central: meta refresh redirects (instant: permanent; delayed: temporary)',
    url: 'https://developers.google.com/search/docs/crawling-indexing/301-redirects#metarefresh',
  },
  'google-js-redirects': {
    title:
      'Google Search Central: JavaScript location redirects (only when server-side or meta refresh redirects are not possible)',
    url: 'https://developers.google.com/search/docs/crawling-indexing/301-redirects#jslocation',
  },
  'clear-site-data': {
    title: 'W3C Clear Site Data: the "cache" type clears the user agent\'s cache for the origin',
    url: 'https://w3c.github.io/webappsec-clear-site-data/#grammardef-cache',
  },
  'rfc9110-7.2': {
    title: 'RFC 9110 §7.2: Host and :authority (the authority of the target URI)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.2',
  },
  'rfc9110-8.6': {
    title: 'RFC 9110 §8.6: Content-Length (describes the content it is sent with)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-8.6',
  },
  'rfc9110-10.2.2': {
    title: "RFC 9110 §10.2.2: Location (a reference without a fragment inherits the request's)",
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2',
  },
  'rfc9110-17': {
    title: 'RFC 9110 §17: Security Considerations (credentials must not leak to other origins)',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-17',
  },
  'url-parsing': {
    title:
      'URL Standard: the URL parser (non-ASCII is UTF-8 percent-encoded, hosts go through IDNA)',
    url: 'https://url.spec.whatwg.org/#concept-url-parser',
  },
  'url-includes-credentials': {
    title: 'URL Standard: a URL includes credentials when its username or password is non-empty',
    url: 'https://url.spec.whatwg.org/#include-credentials',
  },
  'mixed-content': {
    title:
      'W3C Mixed Content: content fetched over http from an https context is blocked or upgraded',
    url: 'https://w3c.github.io/webappsec-mixed-content/',
  },
  'referrer-policy-on-redirect': {
    title:
      "Referrer Policy §8.2: set request's referrer policy on redirect (Referrer-Policy header)",
    url: 'https://w3c.github.io/webappsec-referrer-policy/#set-requests-referrer-policy-on-redirect',
  },
  'referrer-policy-determine': {
    title: "Referrer Policy §8.3: determine request's referrer (the Referer value per policy)",
    url: 'https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer',
  },
  'owasp-unvalidated-redirects': {
    title: 'OWASP Cheat Sheet Series: Unvalidated Redirects and Forwards',
    url: 'https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html',
  },
  'whatwg-url': {
    title: 'WHATWG URL Standard: the basic URL parser, hosts and percent-encoding',
    url: 'https://url.spec.whatwg.org/',
  },
  'rfc3986-2': {
    title: 'RFC 3986 §2: Characters (percent-encoding, reserved and unreserved characters)',
    url: 'https://www.rfc-editor.org/rfc/rfc3986#section-2',
  },
} as const satisfies Record<string, { title: string; url: string }>;

/** The key of a document in {@link sources}. */
export type SourceId = keyof typeof sources;
