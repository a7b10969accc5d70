import {
  isRedirectMap,
  type RedirectMap,
  type RedirectMapOptions,
  RedirectOptionsError,
  type RedirectRule,
  toRedirectMap,
} from '@org/redirect-core';

/** The package name errors start with. */
export const pkg = '@org/redirect-next';

/** Rules, or a map compiled from them with `createRedirectMap`. */
export type RulesOrMap = readonly RedirectRule[] | RedirectMap;

/**
 * The map for rules or a map; core validates rules and throws a `RedirectConfigError` naming
 * each bad one.
 */
export function mapOf(rulesOrMap: RulesOrMap, options?: RedirectMapOptions): RedirectMap {
  if (!Array.isArray(rulesOrMap) && !isRedirectMap(rulesOrMap)) {
    throw new RedirectOptionsError(
      'rulesOrMap',
      `${pkg}: "rulesOrMap" must be an array of redirect rules or a map from createRedirectMap.`,
    );
  }
  return toRedirectMap(rulesOrMap, options);
}

/** Checks an optional callback option, which zod schemas of core do not know. */
export function checkCallback(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new RedirectOptionsError(name, `${pkg}: option "${name}" must be a function.`);
  }
}
