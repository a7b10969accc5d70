import { type AdapterOptions, adapterOptionsSchema, parseAdapterOptions } from '@org/redirect-core';
import type { ProxyRequest } from './next-types';
import { checkCallback, mapOf, pkg, type RulesOrMap } from './rules-or-map';

const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Options of {@link createRedirectProxy}. */
export interface RedirectProxyOptions
  extends Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'> {
  /**
   * Called when looking a request up fails unexpectedly; the request then goes on unredirected.
   * @default nothing
   */
  readonly onError?: (error: unknown, request: ProxyRequest) => void;
}

/** The function {@link createRedirectProxy} returns: a `Response`, or `undefined` to go on. */
export type RedirectProxy = (request: ProxyRequest) => Response | undefined;

/**
 * A function for `proxy.ts` (Next.js 16) or `middleware.ts` (Next.js 15) that answers requests a
 * redirect map matches, with the map's exact status, `Location` and `Cache-Control`, and returns
 * `undefined` for the others so the request goes on to the app. Each request costs one map
 * lookup, so 100,000 rules cost what 10 do; `next.config` redirects test every rule in turn.
 *
 * The `Location` is absolute (Next.js parses a proxy's `Location` with `new URL()`, so a path
 * would make it fail with a 500; it then writes same-origin targets back as paths). Pair it with
 * a `matcher` that leaves Next's own files alone.
 *
 * @param rulesOrMap - redirect rules, or a map from `createRedirectMap`.
 * @param options - `cache` and `base` for the map (when given rules), `onRedirect` called once
 *   per answered redirect, `onError` for unexpected failures.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option: at
 *   start-up, never for a request.
 * @example
 * ```ts
 * // proxy.ts
 * import { createRedirectProxy } from '@org/redirect-next';
 * import { rules } from './redirects';
 *
 * export const proxy = createRedirectProxy(rules);
 * export const config = {
 *   matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
 * };
 * ```
 * @see https://nextjs.org/docs/app/api-reference/file-conventions/proxy
 */
export function createRedirectProxy(
  rulesOrMap: RulesOrMap,
  options: RedirectProxyOptions = {},
): RedirectProxy {
  const { onError, ...rest } = options;
  checkCallback('onError', onError);
  const { onRedirect, cache, base } = parseAdapterOptions(pkg, adapterOptionsSchema, rest);
  const map = mapOf(rulesOrMap, { ...(cache && { cache }), ...(base && { base }) });
  return (request) => {
    let response: Response | undefined;
    try {
      const result = map.match({
        url: request.url,
        method: request.method,
        headers: request.headers,
      });
      if (result === null) return undefined;
      const headers = new Headers(result.headers);
      if (!absolute.test(result.location)) {
        headers.set('location', new URL(result.location, request.url).href);
      }
      response = new Response(null, { status: result.status, headers });
      if (onRedirect) {
        const url = new URL(request.url);
        const from = `${url.pathname}${url.search}`;
        onRedirect({ rule: result.rule, status: result.status, from, to: result.location });
      }
    } catch (error) {
      // A failing lookup lets the app answer, a failing hook keeps the redirect: never a 500.
      onError?.(error, request);
    }
    return response;
  };
}
