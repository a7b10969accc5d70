import type { SourceId } from './sources';

/** One thing people ask about redirects that is not a 3xx status, with the documents that say it. */
export interface RedirectTopic {
  readonly title: string;
  /** What it is and what it does, in a few sentences. */
  readonly summary: string;
  readonly facts: readonly { readonly value: string; readonly source: SourceId }[];
}

/**
 * What people ask about besides the 3xx codes: meta refresh and the Refresh header, JavaScript
 * redirects, healing a cached permanent redirect with Clear-Site-Data, the HSTS "307 Internal
 * Redirect", and what `redirect: 'manual'` gives back. Each fact names its source.
 *
 * @example
 * ```ts
 * redirectTopics['meta-refresh'].facts[0].source; // 'google-meta-refresh'
 * ```
 */
export const redirectTopics = {
  'meta-refresh': {
    title: 'Meta refresh and the Refresh header',
    summary:
      'A page that tells the browser to load another URL, after a delay or at once: <meta http-equiv="refresh" content="0; url=/new"> in HTML, or the same value in a Refresh response header. The browser follows it after the page has loaded; the status is 200.',
    facts: [
      {
        value:
          'Google reads an instant meta refresh as a permanent redirect (a strong canonical signal) and a delayed one as a temporary redirect (a weak signal).',
        source: 'google-meta-refresh',
      },
      {
        value:
          'Browsers treat the Refresh header and <meta http-equiv="refresh"> with the same steps: a delay in seconds, then an optional URL.',
        source: 'html-refresh',
      },
    ],
  },
  javascript: {
    title: 'JavaScript redirects',
    summary:
      'location.href = "/new" or location.replace("/new") run by a script: the browser has already received a 200 page and navigates from it, so clients that do not run scripts (curl, HTTP libraries, many crawlers) stay on the first URL.',
    facts: [
      {
        value:
          'Google follows a JavaScript redirect only when it renders the page; use it only when a server-side or meta refresh redirect is not possible.',
        source: 'google-js-redirects',
      },
    ],
  },
  'clear-site-data': {
    title: 'Healing a wrongly cached 301 or 308',
    summary:
      'A browser may keep a permanent redirect sent without Cache-Control for good. Answering a request to the old URL\'s origin with Clear-Site-Data: "cache" clears that browser\'s cache for the origin, the stored redirect with it.',
    facts: [
      {
        value:
          'Chromium keeps 300, 301 and 308 fresh forever when they have no Cache-Control or Expires.',
        source: 'chromium-http-response-headers',
      },
      {
        value:
          'Clear-Site-Data: "cache" clears the user agent\'s cache for the origin; it is an instruction to the browser and does not reach shared caches (CDNs, proxies), which must be purged on their own.',
        source: 'clear-site-data',
      },
    ],
  },
  hsts: {
    title: 'HSTS and the "307 Internal Redirect"',
    summary:
      'For a host on its HSTS list a browser rewrites http:// to https:// before sending anything. Developer tools show this as "307 Internal Redirect", but no server sent a 307 and nothing crossed the network.',
    facts: [
      {
        value:
          'A user agent replaces the http scheme with https for a known HSTS host before any request is made.',
        source: 'rfc6797-8.3',
      },
    ],
  },
  'manual-redirect': {
    title: "What redirect: 'manual' gives back",
    summary:
      "fetch(url, { redirect: 'manual' }) does not follow. In a browser the answer is an opaque redirect: type \"opaqueredirect\", status 0, no headers, so the Location cannot be read. Node.js's fetch returns the real 3xx with its Location.",
    facts: [
      {
        value:
          'Browsers return an opaque-redirect filtered response: status 0, an empty header list, no Location.',
        source: 'fetch-opaque-redirect',
      },
      {
        value: "Node.js's fetch (undici) returns the 3xx response itself, Location included.",
        source: 'undici-fetch',
      },
    ],
  },
} as const satisfies Record<string, RedirectTopic>;

/** The key of a topic in {@link redirectTopics}. */
export type RedirectTopicId = keyof typeof redirectTopics;
