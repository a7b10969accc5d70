import type { RedirectSource } from '../source/types';
import {
  type AdapterOptions,
  adapterOptionsSchema,
  parseAdapterOptions,
  RedirectOptionsError,
} from './options';
import type { RedirectEvent } from './redirect-response';
import { isRedirectInput, toRedirectSource } from './redirect-source';

/** What a framework's `redirects(rulesOrMap, options)` middleware needs, checked at start-up. */
export interface PreparedRedirects {
  /** The map to ask on each request: call `current()` once per request. */
  readonly source: RedirectSource;
  /** The user's hook, called once per answered redirect. */
  readonly onRedirect?: ((event: RedirectEvent) => void) | undefined;
}

/**
 * The start-up every `redirects(rulesOrMap, options)` middleware shares: checks that
 * `rulesOrMap` is rules, a map or a source, validates `options` (`onRedirect`, `cache`, `base`),
 * and compiles rules once. Errors start with `pkg`, so the user sees which adapter refused.
 *
 * @throws `RedirectOptionsError` for a bad option or input, `RedirectConfigError` for a bad rule.
 * @example
 * ```ts
 * const { source } = prepareRedirects('@org/redirect-koa', [{ from: '/old', to: '/new' }], {});
 * source.current().match({ url: '/old' }); // → a 307 to /new
 * ```
 */
export function prepareRedirects(
  pkg: string,
  rulesOrMap: unknown,
  options: Pick<AdapterOptions, 'onRedirect' | 'cache' | 'base'> | undefined,
): PreparedRedirects {
  if (!isRedirectInput(rulesOrMap)) {
    throw new RedirectOptionsError(
      'rulesOrMap',
      `${pkg}: "rulesOrMap" must be an array of redirect rules, a map from createRedirectMap or a redirect source.`,
    );
  }
  const { onRedirect, cache, base } = parseAdapterOptions(pkg, adapterOptionsSchema, options);
  const source = toRedirectSource(rulesOrMap, { ...(cache && { cache }), ...(base && { base }) });
  return { source, onRedirect };
}
