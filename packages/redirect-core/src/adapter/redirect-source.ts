import { createRedirectMap } from '../map/match';
import type { RedirectMap, RedirectMapOptions, RedirectRule } from '../map/types';
import { isRedirectSource } from '../source/is-source';
import { staticRedirectSource } from '../source/static-source';
import type { RedirectSource } from '../source/types';

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

/** What adapters accept: rules, a compiled map, or a {@link RedirectSource} that can change. */
export type RedirectInput = readonly RedirectRule[] | RedirectMap | RedirectSource;

/** Whether `value` is something adapters accept: an array of rules, a map, or a source. */
export function isRedirectInput(value: unknown): value is RedirectInput {
  return Array.isArray(value) || isRedirectMap(value) || isRedirectSource(value);
}

/**
 * A {@link RedirectSource} from rules (compiled once, `options` applied), a map, or a source
 * (returned as is; it compiles its own maps). Adapters call `current()` on it once per request,
 * so a live source's swap reaches the next request and never one in flight.
 *
 * @example
 * ```ts
 * const source = toRedirectSource([{ from: '/old', to: '/new', permanent: true }]);
 * source.current().match({ url: '/old' });
 * ```
 */
export function toRedirectSource(
  input: RedirectInput,
  options?: RedirectMapOptions,
): RedirectSource {
  return isRedirectSource(input) ? input : staticRedirectSource(input, options);
}
