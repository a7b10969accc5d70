import {
  backDecision,
  type RedirectDecision,
  type RedirectTargetOptions,
  redirectDecision,
} from '@org/redirect-core/adapter';
import type { Context } from 'koa';
import { writeRedirect } from './respond';

/**
 * The replacement for `ctx.redirect(url)`, which answers 302 whatever you mean. The status
 * comes from `chooseStatus(options)` (default 307: temporary, method kept). Unless
 * `trusted: true`, the target passes the open-redirect guard: plain same-origin paths and
 * targets on `allowedOrigins` are accepted, anything else goes to `fallback` (default `/`).
 * The Location is always encoded. Returns the decision, with the reason for a fallback.
 *
 * @example
 * ```ts
 * router.post('/login', (ctx) => redirectTo(ctx, ctx.query.next as string, { preserveMethod: false }));
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export function redirectTo(
  ctx: Context,
  target: string,
  options?: RedirectTargetOptions,
): RedirectDecision {
  const decision = redirectDecision(target, options);
  writeRedirect(ctx, decision);
  return decision;
}

/**
 * "Go back" to the Referer, but only to an allowed origin (the origin of `base`, or
 * `allowedOrigins`); any other Referer, or none, goes to `fallback`. Unlike Koa's `ctx.back()`
 * (CVE-2025-8129), a Referer never takes the user off the site. Default status 303.
 *
 * @example
 * ```ts
 * redirectBack(ctx, '/cart', { base: 'https://shop.test' });
 * ```
 */
export function redirectBack(
  ctx: Context,
  fallback: string,
  options?: Omit<RedirectTargetOptions, 'fallback' | 'trusted'>,
): RedirectDecision {
  const decision = backDecision(ctx.get('Referer'), { ...options, fallback });
  writeRedirect(ctx, decision);
  return decision;
}
