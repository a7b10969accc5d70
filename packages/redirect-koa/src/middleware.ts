import {
  type AdapterOptions,
  prepareRedirects,
  type RedirectInput,
  RequestInput,
} from '@org/redirect-core/adapter';
import type { Middleware } from 'koa';
import { writeRedirect } from './respond';

const pkg = '@org/redirect-koa';

/** Options of {@link redirects}. */
export type RedirectsOptions = Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'>;

/**
 * Koa middleware that answers requests matching a redirect map: status, `Location` and
 * `Cache-Control` from the map, a short HTML note with the link (none for HEAD). A matching
 * request does not reach later middleware; any other request goes on untouched.
 *
 * @param rulesOrMap - redirect rules, a map from `createRedirectMap`, or a `RedirectSource` whose
 *   map can change while the app runs (a watched file, Redis): each request uses the map that is
 *   current when it arrives.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option.
 * @example
 * ```ts
 * app.use(redirects([{ from: '/blog/:slug', to: '/articles/:slug', permanent: true }]));
 * ```
 */
export function redirects(rulesOrMap: RedirectInput, options: RedirectsOptions = {}): Middleware {
  const { source, onRedirect } = prepareRedirects(pkg, rulesOrMap, options);
  // Not async: koa-compose wraps the result, and a miss returns next()'s own promise.
  return function redirectsMiddleware(ctx, next) {
    // ctx.url and ctx.method are Koa's getters for these; headers are read only by rules that
    // need them (Node builds req.headers on first access).
    const { req } = ctx;
    const result = source
      .current()
      .match(new RequestInput(req.url ?? '/', req.method ?? 'GET', req));
    // No rule, or one the host serves itself (a rewrite, an error page): the request goes on.
    if (result?.kind !== 'redirect') return next();
    writeRedirect(ctx, result);
    try {
      onRedirect?.({
        rule: result.rule,
        status: result.status,
        from: ctx.url,
        to: result.location,
      });
    } catch (error) {
      // The redirect is answered anyway; the hook's failure goes to the app's error listeners.
      ctx.app.emit('error', error, ctx);
    }
  };
}
