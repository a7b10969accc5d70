import { createRedirectMap } from '../map/match';
import type { RedirectMap, RedirectMapOptions, RedirectRule } from '../map/types';

/** Whether `value` is a compiled {@link RedirectMap} rather than a list of rules. */
export function isRedirectMap(value: unknown): value is RedirectMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { match?: unknown }).match === 'function'
  );
}

/**
 * A redirect map from either a ready map (returned as is) or a list of rules (compiled with
 * `createRedirectMap`, which throws a `RedirectConfigError` naming the bad rule). Adapters
 * accept both with this.
 *
 * @example
 * ```ts
 * const map = toRedirectMap([{ from: '/old', to: '/new', permanent: true }]);
 * ```
 */
export function toRedirectMap(
  rulesOrMap: readonly RedirectRule[] | RedirectMap,
  options?: RedirectMapOptions,
): RedirectMap {
  return isRedirectMap(rulesOrMap) ? rulesOrMap : createRedirectMap(rulesOrMap, options);
}
