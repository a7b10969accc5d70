import {
  type AdapterOptions,
  adapterOptionsSchema,
  isRedirectMap,
  parseAdapterOptions,
  type RedirectMap,
  RedirectOptionsError,
  type RedirectRule,
  toRedirectMap,
} from '@org/redirect-core';
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
 * @param rulesOrMap - redirect rules, or a map from `createRedirectMap`.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option.
 * @example
 * ```ts
 * app.use(redirects([{ from: '/blog/:slug', to: '/articles/:slug', permanent: true }]));
 * ```
 */
export function redirects(
  rulesOrMap: readonly RedirectRule[] | RedirectMap,
  options: RedirectsOptions = {},
): Middleware {
  if (!Array.isArray(rulesOrMap) && !isRedirectMap(rulesOrMap)) {
    throw new RedirectOptionsError(
      'rulesOrMap',
      `${pkg}: "rulesOrMap" must be an array of redirect rules or a map from createRedirectMap.`,
    );
  }
  const { onRedirect, cache, base } = parseAdapterOptions(pkg, adapterOptionsSchema, options);
  const map = toRedirectMap(rulesOrMap, { ...(cache && { cache }), ...(base && { base }) });
  return async function redirectsMiddleware(ctx, next) {
    const result = map.match({ url: ctx.url, method: ctx.method, headers: ctx.headers });
    if (result === null) return next();
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
