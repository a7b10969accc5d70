/**
 * `@org/redirect-next`: redirect maps for Next.js: `next.config` redirects with exact statuses,
 * a proxy for large maps, and helpers for route handlers.
 *
 * @packageDocumentation
 */

export {
  convertRedirectsForNext,
  type NextConfigRedirectsOptions,
  NextRedirectConfigError,
  type NextRedirectConversion,
  type NextRedirectWarning,
  nextRedirectLimits,
  toNextConfigRedirects,
} from './config';
export type { NextRedirect, NextRouteHas, ProxyRequest } from './next-types';
export { createRedirectProxy, type RedirectProxy, type RedirectProxyOptions } from './proxy';
export { type RedirectResponseOptions, redirectResponse } from './route';
export type { RulesOrMap } from './rules-or-map';
