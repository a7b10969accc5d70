import type { UrlParts } from './location-url';

/**
 * Whether `a` and `b` have the same origin: scheme, host and port (default ports elided), so a
 * subdomain, another port or http against https are all other origins.
 *
 * @see https://html.spec.whatwg.org/multipage/browsers.html#same-origin
 */
export function sameOrigin(a: UrlParts, b: UrlParts): boolean {
  return a.origin === b.origin;
}

/** Whether going from `from` to `to` leaves https for plain http. */
export function isDowngrade(from: UrlParts, to: UrlParts): boolean {
  return from.protocol === 'https:' && to.protocol === 'http:';
}

/**
 * Whether `url` includes credentials: a non-empty username or password.
 *
 * @see https://url.spec.whatwg.org/#include-credentials
 */
export function includesCredentials(url: UrlParts): boolean {
  return url.username !== '' || url.password !== '';
}

/** Whether `url` is http: or https:, the only schemes an HTTP redirect may lead to. */
export function isHttpScheme(url: UrlParts): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}
