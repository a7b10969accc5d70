/**
 * `@org/redirect-express`: redirect maps and intent-based redirects for Express 5, built on
 * `@org/redirect-core`.
 *
 * @packageDocumentation
 */

export { type RedirectsOptions, redirects } from './middleware';
export { redirectBack, redirectTo } from './redirect-to';
