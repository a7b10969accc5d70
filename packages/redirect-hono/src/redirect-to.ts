import {
  backDecision,
  type RedirectTargetOptions,
  redirectDecision,
} from '@org/redirect-core/adapter';
import type { Context } from 'hono';
import { redirectResponse } from './respond';

/**
 * The replacement for `c.redirect(url)`, which answers 302 unless told otherwise. The status
 * comes from `chooseStatus(options)` (default 307: temporary, method kept). Unless
 * `trusted: true`, the target passes the open-redirect guard: plain same-origin paths and
 * targets on `allowedOrigins` are accepted, anything else goes to `fallback` (default `/`).
 * The Location is always encoded. Returns the response for the handler to return; for the
 * guard's reason, call `redirectDecision` from `@org/redirect-core` with the same arguments.
 *
 * @example
 * ```ts
 * app.post('/login', (c) => redirectTo(c, c.req.query('next') ?? '/', { preserveMethod: false }));
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export function redirectTo(c: Context, target: string, options?: RedirectTargetOptions): Response {
  return redirectResponse(c, redirectDecision(target, options));
}

/**
 * "Go back" to the Referer, but only to an allowed origin (the origin of `base`, or
 * `allowedOrigins`); any other Referer, or none, goes to `fallback`, so a Referer never takes
 * the user off the site. Default status 303. Returns the response.
 *
 * @example
 * ```ts
 * app.post('/cart/add', (c) => redirectBack(c, '/cart', { base: 'https://shop.test' }));
 * ```
 */
export function redirectBack(
  c: Context,
  fallback: string,
  options?: Omit<RedirectTargetOptions, 'fallback' | 'trusted'>,
): Response {
  return redirectResponse(c, backDecision(c.req.header('Referer'), { ...options, fallback }));
}
