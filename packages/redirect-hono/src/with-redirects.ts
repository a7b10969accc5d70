import { prepareRedirects, type RedirectInput } from '@org/redirect-core/adapter';
import { matchRequest, reportRedirect } from './match-request';
import type { RedirectsOptions } from './middleware';
import { plainRedirectResponse } from './respond';

const pkg = '@org/redirect-hono';

/** Something with a fetch handler: a Hono app (or anything built like one). */
export interface FetchApp<Rest extends unknown[]> {
  fetch(request: Request, ...rest: Rest): Response | Promise<Response>;
}

/**
 * A fetch handler that answers requests matching a redirect map before `app` sees them, and
 * hands every other request to `app.fetch` unchanged (with `env` and the execution context).
 * The answers are those of {@link redirects}. It runs before Hono's router and middleware
 * compose: one map lookup per request, and a response the app returns synchronously stays
 * synchronous (@hono/node-server writes those without awaiting).
 *
 * @param app - the Hono app (its `fetch` is called with the same arguments).
 * @param rulesOrMap - redirect rules, a map from `createRedirectMap`, or a `RedirectSource`.
 * @param options - `cache`, `base` and `onRedirect`, as for {@link redirects}.
 * @throws `RedirectConfigError` for a bad rule, `RedirectOptionsError` for a bad option: at
 *   start-up, never for a request.
 * @example
 * ```ts
 * export default { fetch: withRedirects(app, [{ from: '/old/*', to: '/new/:splat', permanent: true }]) };
 * serve({ fetch: withRedirects(app, rules) }); // @hono/node-server
 * ```
 */
export function withRedirects<Rest extends unknown[]>(
  app: FetchApp<Rest>,
  rulesOrMap: RedirectInput,
  options: RedirectsOptions = {},
): (request: Request, ...rest: Rest) => Response | Promise<Response> {
  const { source, onRedirect } = prepareRedirects(pkg, rulesOrMap, options);
  function fetchWithRedirects(request: Request): Response | Promise<Response> {
    const answer = matchRequest(source, request);
    // All arguments as they came (env, execution context), through `arguments`: a rest
    // parameter spread into app.fetch measured 0.90x of bare Hono on @hono/node-server.
    // biome-ignore lint/complexity/noArguments: measured faster than a rest parameter, see above.
    if (answer === null) return app.fetch.apply(app, arguments as unknown as [Request, ...Rest]);
    const response = plainRedirectResponse(request.method, answer);
    reportRedirect(pkg, onRedirect, answer, request.url);
    return response;
  }
  return fetchWithRedirects as unknown as (
    request: Request,
    ...rest: Rest
  ) => Response | Promise<Response>;
}
