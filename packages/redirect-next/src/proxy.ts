import {
  type AdapterOptions,
  adapterOptionsSchema,
  parseAdapterOptions,
} from '@org/redirect-core/adapter';
import { locationOrigin } from './allowed-hosts';
import type { ProxyRequest } from './next-types';
import { checkCallback, pkg, type RulesMapOrSource, sourceOf } from './rules-or-map';

const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Options of {@link createRedirectProxy}. */
export interface RedirectProxyOptions
  extends Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'> {
  /**
   * Without `base`: the hosts (`example.com`, or `example.com:8443` for one port) whose requests
   * are answered with a Location on their own origin. A request for any other host goes on to
   * the app unredirected. `base` or `allowedHosts` is required: the request's Host header alone
   * never decides where a redirect points.
   */
  readonly allowedHosts?: readonly string[];
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
 * @param rulesOrMap - redirect rules, a map from `createRedirectMap`, or a `RedirectSource`
 *   whose map can change while the server runs (each request uses the map current when it
 *   arrives).
 * @param options - `base` (the site's origin) or `allowedHosts` (required: where path Locations
 *   point), `cache` for the map (when given rules), `onRedirect` called once per answered
 *   redirect, `onError` for unexpected failures.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option or for
 *   neither `base` nor `allowedHosts`: at start-up, never for a request.
 * @example
 * ```ts
 * // proxy.ts
 * import { createRedirectProxy } from '@org/redirect-next';
 * import { rules } from './redirects';
 *
 * export const proxy = createRedirectProxy(rules, { base: 'https://example.com' });
 * export const config = {
 *   matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
 * };
 * ```
 * @see https://nextjs.org/docs/app/api-reference/file-conventions/proxy
 */
export function createRedirectProxy(
  rulesOrMap: RulesMapOrSource,
  options: RedirectProxyOptions = {},
): RedirectProxy {
  const { onError, allowedHosts, ...rest } = options;
  checkCallback('onError', onError);
  const { onRedirect, cache, base } = parseAdapterOptions(pkg, adapterOptionsSchema, rest);
  const source = sourceOf(rulesOrMap, { ...(cache && { cache }), ...(base && { base }) });
  const originFor = locationOrigin(base, allowedHosts);
  return (request) => {
    let response: Response | undefined;
    try {
      const result = source.current().match({
        url: request.url,
        method: request.method,
        headers: request.headers,
      });
      // A rule the host serves itself (a rewrite, an error page): the app answers it.
      if (result === null || result.kind === 'serve') return undefined;
      const headers = new Headers(result.headers);
      if (!absolute.test(result.location)) {
        const origin = originFor(request.url);
        // A host not in `allowedHosts`: not ours to redirect.
        if (origin === null) return undefined;
        headers.set('location', new URL(result.location, origin).href);
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
