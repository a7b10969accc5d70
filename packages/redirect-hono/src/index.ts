/**
 * `@org/redirect-hono`: redirect maps and intent-based redirects for Hono 4, built on
 * `@org/redirect-core`. Web-standard only: it runs on Cloudflare Workers, Deno, Bun and Node.js.
 *
 * @packageDocumentation
 */

export { type RedirectsOptions, redirects } from './middleware';
export { redirectBack, redirectTo } from './redirect-to';
export { type FetchApp, withRedirects } from './with-redirects';
