/**
 * Every document a fact in this package rests on. Facts name a key of this table, so a fact
 * without a source, or with a misspelt one, fails to compile.
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
    title: 'Fetch Standard §4.4 HTTP-redirect fetch (step 12: method rewrite and body drop)',
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
} as const satisfies Record<string, { title: string; url: string }>;

/** The key of a document in {@link sources}. */
export type SourceId = keyof typeof sources;
