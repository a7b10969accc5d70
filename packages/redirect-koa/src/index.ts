/**
 * `@org/redirect-koa`: redirect maps and intent-based redirects for Koa, built on
 * `@org/redirect-core`.
 *
 * @packageDocumentation
 */

export { type RedirectsOptions, redirects } from './middleware';
export { redirectBack, redirectTo } from './redirect-to';
