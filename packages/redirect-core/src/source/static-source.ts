import { createRedirectMap } from '../map/index';
import type { RedirectMap, RedirectMapOptions, RedirectRule } from '../map/types';
import type { RedirectSource } from './types';

/**
 * A {@link RedirectSource} that never changes: rules compiled once (or a ready map). Adapters
 * wrap rules and maps in one, so every request goes through the same `current()` call.
 *
 * @param rulesOrMap - redirect rules (compiled with `createRedirectMap`, which throws a
 *   `RedirectConfigError` naming each bad rule), or a compiled map.
 * @example
 * ```ts
 * const source = staticRedirectSource([{ from: '/old', to: '/new', permanent: true }]);
 * source.current().match({ url: '/old' })?.status; // 308
 * ```
 */
export function staticRedirectSource(
  rulesOrMap: readonly RedirectRule[] | RedirectMap,
  options?: RedirectMapOptions,
): RedirectSource {
  const map = Array.isArray(rulesOrMap)
    ? createRedirectMap(rulesOrMap as readonly RedirectRule[], options)
    : (rulesOrMap as RedirectMap);
  return { current: () => map };
}
