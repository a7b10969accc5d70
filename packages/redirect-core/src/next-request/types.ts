import type { ClientId } from '../clients/types';
import type { HeadersLike } from '../headers/headers';
import type { SourceId } from '../status/sources';
import type { StatusCode } from '../status/status';

/** What a client does with a redirect status: Fetch's `redirect` option. */
export type RedirectMode = 'follow' | 'error' | 'manual';

/**
 * Fetch's request mode, as far as it changes what happens on a redirect: `cors` fails on a
 * Location with credentials (HTTP-redirect fetch steps 9-10), `same-origin` fails on a Location
 * of another origin (main fetch); `no-cors` and `navigate` follow both.
 */
export type RequestMode = 'navigate' | 'same-origin' | 'no-cors' | 'cors';

/** The referrer policies of the Referrer Policy spec (the empty string means "use the default"). */
export type ReferrerPolicy =
  | 'no-referrer'
  | 'no-referrer-when-downgrade'
  | 'same-origin'
  | 'origin'
  | 'strict-origin'
  | 'origin-when-cross-origin'
  | 'strict-origin-when-cross-origin'
  | 'unsafe-url';

/** The request that received the redirect. A `follow` result's `request` has this shape too. */
export interface RedirectRequest {
  /** The request method. DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased (Fetch). */
  readonly method: string;
  /** The request's current URL (absolute, http or https). Its fragment is inherited. */
  readonly url: string;
  /** The request headers. Host is never carried to the next request. */
  readonly headers?: HeadersLike | null;
  /** The request body, passed through untouched when kept. `undefined` counts as none. */
  readonly body?: unknown;
  /**
   * Whether the body can be sent again (Fetch: its source is non-null). `false` for a stream that
   * has been consumed. When left out, a `ReadableStream`, a Node.js stream or an async iterable
   * counts as not replayable and anything else as replayable.
   */
  readonly bodyReplayable?: boolean;
  /** Redirects already followed to reach this request. @default 0 */
  readonly redirectCount?: number;
  /**
   * The referrer (the URL of the page or request that started the chain). When given, a
   * `Referer` header is computed for the next request from it and the referrer policy. For a
   * client that sets Referer by policy (`fetch`, `navigation`), a `Referer` header in `headers`
   * counts as the referrer when this is left out, so it is never forwarded as it is.
   */
  readonly referrer?: string | null;
  /** The request's referrer policy. @default 'strict-origin-when-cross-origin' */
  readonly referrerPolicy?: ReferrerPolicy;
}

/** The 3xx response to {@link RedirectRequest}. */
export interface RedirectResponse {
  readonly status: number;
  /**
   * The response headers. To detect several `Location` fields pass `[name, value]` pairs or a
   * record with an array value: a `Headers` object joins them with ", " into one value.
   */
  readonly headers: HeadersLike | null | undefined;
  /** The URL the response came from, the base of a relative Location. @default request.url */
  readonly url?: string;
}

/** How {@link nextRequest} follows; every option defaults to the client's profile. */
export interface NextRequestOptions {
  /**
   * The client to predict, one of `clientProfiles`: which statuses it follows, the method, body
   * and headers it sends, the credentials it removes, Origin and Referer, and its limit.
   * (Replaces `methodRewrite`.)
   * @default 'fetch'
   */
  readonly client?: ClientId;
  /** @default 'follow' */
  readonly redirect?: RedirectMode;
  /**
   * A request that has already followed this many redirects fails.
   * @default the client's limit (`clientProfiles[client].maxRedirects`: 20 for fetch)
   */
  readonly maxRedirects?: number;
  /**
   * Header names removed, besides the client's own credential rules, when the next URL has
   * another origin.
   */
  readonly stripOnOriginChange?: readonly string[];
  /**
   * Keep Cookie, Cookie2 and Proxy-Authorization whatever the client's rules (Authorization
   * still goes where the client removes it). Set it when a cookie jar re-adds cookies per URL.
   * @default false
   */
  readonly keepCookiesOnOriginChange?: boolean;
  /**
   * The request mode (Fetch).
   * @default 'cors' for `fetch` (as `fetch()`), 'navigate' for `navigation`, else 'no-cors'
   */
  readonly mode?: RequestMode;
  /**
   * The request's origin (the page's): for `mode` `cors` and `same-origin`, and the Origin
   * header browsers send. @default the request's Origin header, else the request URL's origin
   */
  readonly origin?: string;
  /** What to do on an https to http redirect: follow it with a warning, or fail. @default 'follow' */
  readonly downgrade?: 'follow' | 'error';
}

/** The kind of a difference between the request and the next one. */
export type ChangeKind =
  | 'url-changed'
  | 'redirect-count-incremented'
  | 'fragment-inherited'
  | 'location-decoded'
  | 'method-normalized'
  | 'method-rewritten'
  | 'body-dropped'
  | 'header-removed'
  | 'origin-changed'
  | 'downgrade'
  | 'credentials-in-url'
  | 'referrer-policy-updated'
  | 'referer-changed'
  | 'origin-header-changed';

/** One difference between the request and the next one, with the rule it comes from. */
export interface Change {
  readonly kind: ChangeKind;
  /** One line for people, e.g. "POST became GET: 302 turns POST into GET". */
  readonly message: string;
  /** The spec step or client behaviour the change comes from. */
  readonly source: SourceId;
  /** `warning` for what callers should look at: downgrades, credentials in the URL. */
  readonly severity: 'info' | 'warning';
  /** The header concerned, lower-cased, for `header-removed`. */
  readonly header?: string;
  readonly from?: string;
  readonly to?: string;
}

/** The request sent after the redirect. It can be passed back to {@link nextRequest}. */
export interface NextRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-cased names; repeated fields joined with ", " (Cookie with "; "). */
  readonly headers: Record<string, string>;
  /** The original body object, or `null` once dropped. */
  readonly body: unknown;
  readonly bodyReplayable: boolean;
  readonly redirectCount: number;
  /** Present when the request had a referrer: the referrer to use from now on, or null. */
  readonly referrer?: string | null;
  readonly referrerPolicy?: ReferrerPolicy;
}

/** Why the 3xx goes back to the caller as it is. */
export type ReturnReason = 'not-redirect-status' | 'no-location' | 'manual';

/** Why the fetch fails (a network error in Fetch's terms), or why the input was refused. */
export type NextRequestErrorCode =
  | 'invalid-request'
  | 'invalid-response'
  | 'invalid-options'
  | 'redirect-mode-error'
  | 'invalid-location'
  | 'unsupported-scheme'
  | 'too-many-redirects'
  | 'credentials-in-location'
  | 'cross-origin-in-same-origin-mode'
  | 'body-not-replayable'
  | 'insecure-downgrade';

/** The next request to send, and every difference from the previous one. */
export interface NextRequestFollow {
  readonly kind: 'follow';
  /** The status followed: one of 301-303, 307, 308, or another 3xx the client follows. */
  readonly status: StatusCode;
  readonly request: NextRequest;
  readonly changes: Change[];
}

/** The response is the final one: nothing more is sent. */
export interface NextRequestReturn {
  readonly kind: 'return';
  readonly reason: ReturnReason;
  readonly message: string;
  readonly source: SourceId;
}

/** The fetch fails; nothing more is sent. */
export interface NextRequestError {
  readonly kind: 'error';
  readonly code: NextRequestErrorCode;
  readonly message: string;
  readonly source: SourceId;
}

/** The answer of {@link nextRequest}, keyed on `kind`. */
export type NextRequestResult = NextRequestFollow | NextRequestReturn | NextRequestError;
