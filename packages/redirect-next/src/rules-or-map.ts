import {
  isRedirectInput,
  isRedirectMap,
  RedirectOptionsError,
  toRedirectMap,
  toRedirectSource,
} from '@org/redirect-core/adapter';
import type { RedirectMap, RedirectMapOptions, RedirectRule } from '@org/redirect-core/map';
import type { RedirectSource } from '@org/redirect-core/source';

/** The package name errors start with. */
export const pkg = '@org/redirect-next';

/** Rules, or a map compiled from them with `createRedirectMap`. */
export type RulesOrMap = readonly RedirectRule[] | RedirectMap;

/** Rules, a map, or a `RedirectSource` whose map can change while the app runs. */
export type RulesMapOrSource = RulesOrMap | RedirectSource;

/**
 * The source for rules, a map or a source; core validates rules and throws a
 * `RedirectConfigError` naming each bad one.
 */
export function sourceOf(input: RulesMapOrSource, options?: RedirectMapOptions): RedirectSource {
  if (!isRedirectInput(input)) {
    throw new RedirectOptionsError(
      'rulesOrMap',
      `${pkg}: "rulesOrMap" must be an array of redirect rules, a map from createRedirectMap or a redirect source.`,
    );
  }
  return toRedirectSource(input, options);
}

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
