// Structural copies of the Next.js types this package produces and reads, so that its public
// types do not depend on Next.js's declaration files (which need React's). `next-types.test-d.ts`
// checks that they stay assignable to the real ones.

/** A `has` condition of a Next.js redirect (`next.config` `redirects()`). */
export type NextRouteHas =
  | { type: 'header' | 'cookie' | 'query'; key: string; value?: string }
  | { type: 'host'; key?: undefined; value: string };

/**
 * One entry of the array `next.config` `redirects()` returns. 308 and 307 are written with
 * `permanent`; 301, 302 and 303 with `statusCode`.
 *
 * @see https://nextjs.org/docs/app/api-reference/config/next-config-js/redirects
 */
export type NextRedirect = {
  source: string;
  destination: string;
  has?: NextRouteHas[];
  missing?: NextRouteHas[];
} & (
  | { permanent: boolean; statusCode?: never }
  | { statusCode: 301 | 302 | 303; permanent?: never }
);

/**
 * What the proxy reads of a request: a `NextRequest`, or any Fetch `Request` with an absolute
 * URL.
 */
export interface ProxyRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
}
