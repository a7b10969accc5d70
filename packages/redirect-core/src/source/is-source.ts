import type { RedirectSource } from './types';

/**
 * Whether `value` is a {@link RedirectSource}: an object with a `current()` method that is not
 * itself a compiled map (a map has `match()`).
 *
 * @example
 * ```ts
 * isRedirectSource(staticRedirectSource([])); // true
 * isRedirectSource(createRedirectMap([]));    // false
 * ```
 */
export function isRedirectSource(value: unknown): value is RedirectSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { current?: unknown }).current === 'function' &&
    typeof (value as { match?: unknown }).match !== 'function'
  );
}
