import {
  type AdapterOptions,
  adapterOptionsSchema,
  isRedirectInput,
  parseAdapterOptions,
  type RedirectInput,
  RedirectOptionsError,
  toRedirectSource,
} from '@org/redirect-core/adapter';
import type { MiddlewareHandler } from 'hono';
import { redirectResponse } from './respond';

const pkg = '@org/redirect-hono';

/** Options of {@link redirects}. */
export type RedirectsOptions = Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'>;

/**
 * Hono middleware that answers requests matching a redirect map: status, `Location` and
 * `Cache-Control` from the map, a short HTML note with the link (none for HEAD). A matching
 * request does not reach later middleware or handlers; any other request goes on to `next()`
 * after one lookup. Web-standard only, so it runs wherever Hono runs (Cloudflare Workers, Deno,
 * Bun, Node.js).
 *
 * @param rulesOrMap - redirect rules, a map from `createRedirectMap`, or a `RedirectSource` whose
 *   map can change while the app runs (a watched file, Redis): each request uses the map that is
 *   current when it arrives.
 * @param options - `cache` and `base` for the map (when given rules), and `onRedirect`, called
 *   once per answered redirect.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option: at
 *   start-up, never for a request.
 * @example
 * ```ts
 * app.use('*', redirects([{ from: '/blog/:slug', to: '/articles/:slug', permanent: true }]));
 * ```
 */
export function redirects(
  rulesOrMap: RedirectInput,
  options: RedirectsOptions = {},
): MiddlewareHandler {
  if (!isRedirectInput(rulesOrMap)) {
    throw new RedirectOptionsError(
      'rulesOrMap',
      `${pkg}: "rulesOrMap" must be an array of redirect rules, a map from createRedirectMap or a redirect source.`,
    );
  }
  const { onRedirect, cache, base } = parseAdapterOptions(pkg, adapterOptionsSchema, options);
  const source = toRedirectSource(rulesOrMap, { ...(cache && { cache }), ...(base && { base }) });
  return async function redirectsMiddleware(c, next) {
    const url = c.req.url;
    const { raw } = c.req;
    const result = source.current().match({
      url,
      method: c.req.method,
      // Read only by rules with header or cookie conditions: @hono/node-server builds the
      // Headers object on first access, so other requests never pay for it.
      get headers() {
        return raw.headers;
      },
    });
    // No rule, or one the app serves itself (a rewrite): the request goes on.
    if (result?.kind !== 'redirect') return next();
    const response = redirectResponse(c, result);
    if (onRedirect) {
      try {
        const { pathname, search } = new URL(url);
        onRedirect({
          rule: result.rule,
          status: result.status,
          from: `${pathname}${search}`,
          to: result.location,
        });
      } catch (error) {
        // The redirect is answered anyway; report the error as Hono's default error handler
        // does, on every runtime.
        console.error(`${pkg}: the onRedirect hook threw`, error);
      }
    }
    return response;
  };
}
