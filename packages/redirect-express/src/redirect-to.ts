import {
  backDecision,
  type RedirectDecision,
  type RedirectTargetOptions,
  redirectDecision,
} from '@org/redirect-core/adapter';
import type { Request, Response } from 'express';
import { writeRedirect } from './respond';

/**
 * The replacement for `res.redirect(url)`, which answers 302 whatever you mean. The status
 * comes from `chooseStatus(options)` (default 307: temporary, method kept). Unless
 * `trusted: true`, the target passes the open-redirect guard: plain same-origin paths and
 * targets on `allowedOrigins` are accepted, anything else goes to `fallback` (default `/`).
 * The Location is always encoded. Ends the response and returns the decision, with the reason
 * for a fallback.
 *
 * @example
 * ```ts
 * app.post('/login', (req, res) => {
 *   redirectTo(res, String(req.query.next ?? '/'), { preserveMethod: false });
 * });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export function redirectTo(
  res: Response,
  target: string,
  options?: RedirectTargetOptions,
): RedirectDecision {
  const decision = redirectDecision(target, options);
  writeRedirect(res, decision);
  return decision;
}

/**
 * "Go back" to the Referer, but only to an allowed origin (the origin of `base`, or
 * `allowedOrigins`); any other Referer, or none, goes to `fallback`. Unlike Express's old
 * `res.redirect('back')`, which followed any Referer, it never takes the user off the site.
 * Default status 303.
 *
 * @example
 * ```ts
 * app.post('/cart/add', (req, res) => {
 *   redirectBack(req, res, '/cart', { base: 'https://shop.test' });
 * });
 * ```
 */
export function redirectBack(
  req: Request,
  res: Response,
  fallback: string,
  options?: Omit<RedirectTargetOptions, 'fallback' | 'trusted'>,
): RedirectDecision {
  const decision = backDecision(req.get('Referer'), { ...options, fallback });
  writeRedirect(res, decision);
  return decision;
}
