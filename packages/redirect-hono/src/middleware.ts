import {
  type AdapterOptions,
  prepareRedirects,
  type RedirectInput,
} from '@org/redirect-core/adapter';
import type { MiddlewareHandler } from 'hono';
import { matchRequest, reportRedirect } from './match-request';
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
  const { source, onRedirect } = prepareRedirects(pkg, rulesOrMap, options);
  // Not async: Hono's compose awaits whatever it gets, and a miss returns next()'s own promise.
  return function redirectsMiddleware(c, next) {
    const answer = matchRequest(source, c.req.raw);
    if (answer === null) return next();
    const response = redirectResponse(c, answer);
    reportRedirect(pkg, onRedirect, answer, c.req.url);
    return Promise.resolve(response);
  };
}
