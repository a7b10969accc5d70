import {
  type AdapterOptions,
  prepareRedirects,
  type RedirectInput,
  RequestInput,
} from '@org/redirect-core/adapter';
import type { RequestHandler } from 'express';
import { writeRedirect } from './respond';

const pkg = '@org/redirect-express';

/** Options of {@link redirects}. */
export type RedirectsOptions = Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'>;

/**
 * Express middleware that answers requests matching a redirect map: status, `Location` and
 * `Cache-Control` from the map, a short HTML note with the link (none for HEAD). A matching
 * request does not reach later middleware or routes; any other request goes on to `next()`
 * after one lookup. Rules match the full request path (`req.originalUrl`), also when the
 * middleware is mounted under a path.
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
 * app.use(redirects([{ from: '/blog/:slug', to: '/articles/:slug', permanent: true }]));
 * ```
 */
export function redirects(
  rulesOrMap: RedirectInput,
  options: RedirectsOptions = {},
): RequestHandler {
  const { source, onRedirect } = prepareRedirects(pkg, rulesOrMap, options);
  return function redirectsMiddleware(req, res, next) {
    const url = req.originalUrl;
    // Headers are read only by rules that need them: Node builds req.headers on first access.
    const result = source.current().match(new RequestInput(url, req.method, req));
    // No rule, or one the app serves itself (a rewrite): the request goes on.
    if (result?.kind !== 'redirect') return next();
    writeRedirect(res, result);
    try {
      onRedirect?.({ rule: result.rule, status: result.status, from: url, to: result.location });
    } catch (error) {
      // The redirect is answered anyway. Passing the error to next() would make Express's
      // error handler destroy the socket of an answered response; report it as Express's own
      // default error handler does.
      console.error(`${pkg}: the onRedirect hook threw`, error);
    }
  };
}
