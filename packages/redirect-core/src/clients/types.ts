import type { SourceId } from '../status/sources';

/** A value together with the document it comes from (the same shape as the status table's). */
export interface ClientFact<T> {
  readonly value: T;
  readonly source: SourceId;
  /** One line of context, where the value alone could mislead. */
  readonly note?: string;
}

/**
 * The clients whose redirect behaviour `nextRequest` predicts:
 * - `fetch`: `fetch()` in a browser page (the Fetch standard as browsers implement it);
 * - `undici`: Node.js's `fetch` (undici);
 * - `navigation`: a browser's top-level navigation and form submission;
 * - `follow-redirects`: the follow-redirects package (`http.request` wrapper);
 * - `axios`: axios in Node.js (follow-redirects plus axios's own `beforeRedirect`);
 * - `got`: got 14, the major that runs on Node.js 20;
 * - `got-15`: got 15 and later (Node.js 22+), modelled from its source;
 * - `curl`: `curl -L`, the method implied by the options (`-I`, `-d`, `-T`);
 * - `curl-x`: `curl -L -X METHOD`;
 * - `rfc`: RFC 9110 alone.
 */
export const clientIds = [
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
] as const;

/** One of {@link clientIds}. */
export type ClientId = (typeof clientIds)[number];

/** The 3xx codes a profile describes. */
export type ProfileStatus = 300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308;

/**
 * Which methods become GET after a status:
 * - `none`: the method is kept;
 * - `post`: POST becomes GET, every other method is kept;
 * - `post-optional`: the client MAY turn POST into GET (RFC 9110 leaves it open; kept here);
 * - `all-but-get-head`: every method other than GET and HEAD becomes GET;
 * - `post-cross-origin`: POST becomes GET when the Location is of another origin (got 15).
 */
export type ToGet = 'none' | 'post' | 'post-optional' | 'all-but-get-head' | 'post-cross-origin';

/** What a client does with one status when the response carries a Location. */
export interface StatusRule {
  /** Whether the client follows the Location automatically. */
  readonly follows: boolean;
  readonly toGet: ToGet;
  /**
   * The body besides a method change: `with-method` (it goes only when the method becomes GET),
   * `dropped` (it never goes along, the method stays: `curl -X` on 301-303),
   * `dropped-cross-origin` (it goes on any move to another origin: got 15).
   */
  readonly body: 'with-method' | 'dropped' | 'dropped-cross-origin';
  readonly source: SourceId;
  readonly note?: string;
}

/**
 * The moves on which a client removes credentials:
 * - `any`: on every redirect, even to the same origin;
 * - `origin`: scheme, host or port changes;
 * - `host-or-port`: host name or port changes (the scheme is not compared);
 * - `non-subdomain-or-insecure`: the host (with port) changes to one that is not a subdomain of
 *   it, or the scheme changes to anything but https (follow-redirects).
 */
export type StripOn = 'any' | 'origin' | 'host-or-port' | 'non-subdomain-or-insecure';

/** Header names a client removes on one kind of move. */
export interface CredentialRule {
  readonly headers: readonly string[];
  readonly on: StripOn;
  readonly source: SourceId;
  readonly note?: string;
}

/**
 * The headers that leave with a dropped body:
 * - `request-body-headers`: Fetch's request-body-header names (Content-Encoding,
 *   Content-Language, Content-Location, Content-Type);
 * - `content-star`: every `Content-*` header;
 * - `body-headers`: Content-* headers that describe a body (got 15's list);
 * - `framing-only`: only Content-Length and Transfer-Encoding; a caller's Content-Type stays.
 * Content-Length and Transfer-Encoding go in every case: they described the dropped body.
 */
export type BodyHeaders = 'request-body-headers' | 'content-star' | 'body-headers' | 'framing-only';

/**
 * How a client sets Origin on the next request:
 * - `fetch`: appended per request (Fetch's "append a request Origin header"): for a request
 *   that went to another origin than the page's (CORS) or whose method is not GET/HEAD; "null"
 *   once the request is tainted by a cross-origin hop;
 * - `navigation`: sent with a method other than GET/HEAD; "null" after a hop to another origin;
 * - `as-set`: the client adds none and forwards the caller's unchanged.
 */
export type OriginRule = 'fetch' | 'navigation' | 'as-set';

/**
 * How a client sets Referer: `policy` (recomputed per hop from the referrer and the referrer
 * policy; a Referer header the caller set counts as the referrer) or `as-set` (none added, the
 * caller's forwarded unchanged).
 */
export type RefererRule = 'policy' | 'as-set';

/** Where a profile's behaviour comes from. */
export interface Verification {
  /** `suite`: proved by driving the client in packages/client-conformance; `documented`: read from its source or documentation only. */
  readonly by: 'suite' | 'documented';
  /** The client as it is named to people, e.g. "axios". */
  readonly client: string;
  /** The version the suite ran, or the one whose source was read. */
  readonly version: string;
  /** The versions the profile is meant for, e.g. ">=1.16 <2". */
  readonly range: string;
  /** Other clients the suite proves against this profile, e.g. "Firefox 153.8.0". */
  readonly also?: readonly string[];
  readonly source: SourceId;
}

/** Everything a client does on a redirect, each fact with its source. */
export interface ClientProfile {
  readonly id: ClientId;
  readonly name: string;
  readonly statuses: { readonly [S in ProfileStatus]: StatusRule };
  /** A 3xx without Location is never followed; the response is final. */
  readonly withoutLocation: ClientFact<'return'>;
  readonly bodyHeaders: ClientFact<BodyHeaders>;
  readonly credentials: readonly CredentialRule[];
  /** Redirects followed before the client fails. */
  readonly maxRedirects: ClientFact<number>;
  readonly origin: ClientFact<OriginRule>;
  readonly referer: ClientFact<RefererRule>;
  readonly verified: Verification;
}
