import { redirectDecision } from '@org/redirect-core/adapter';
import type { RedirectIntent } from '@org/redirect-core/status';

/** Options of {@link redirectResponse}: core's guard settings for the target. */
export interface RedirectResponseOptions {
  /**
   * The site's absolute URL, from configuration (never from the request, whose host comes from
   * the Host header). With it, accepted targets are answered with absolute Locations on it;
   * without it, only same-site paths are accepted and answered as paths.
   */
  readonly base?: string | URL;
  /** Origins an absolute target may point to (with a `base`, list its origin too). */
  readonly allowedOrigins?: readonly string[];
  /** Where to send the client when the target is refused: a path or URL from your code. @default '/' */
  readonly fallback?: string;
  /** The longest target accepted, in characters. @default the guard's limit (2,048) */
  readonly maxLength?: number;
}

/**
 * A redirect `Response` for route handlers and other Fetch-style code: the status from
 * `chooseStatus(intent)` (307 unless the intent says otherwise) and a `Location` that core's
 * open-redirect guard accepted and that is encoded (ASCII only, no CR/LF). A refused target
 * (another origin, `//host`, `/\host`, `javascript:`, bad encoding, too long) sends the client
 * to `options.fallback` instead: never a throw and never an off-site redirect for any request.
 *
 * Prefer it to `redirect()` / `permanentRedirect()` from `next/navigation` when the status
 * matters or the target is untrusted: those only give 307/308 (303 in a Server Action), do not
 * check the target, and once a page has started streaming answer 200 with a
 * `<meta http-equiv="refresh">` instead of a redirect.
 *
 * @param target - Where to go: a same-site path, or an absolute URL on an allowed origin.
 *   Untrusted input (`?next=`) is fine; `null` goes to the fallback.
 * @param intent - What the redirect means; see `chooseStatus`.
 * @throws {TypeError} only for invalid options (`base` not an absolute http(s) URL, a bad
 *   `allowedOrigins` entry or `maxLength`): a programming error, not a request's.
 * @example
 * ```ts
 * // app/login/route.ts: after the form POST, GET the page named in ?next= (303)
 * import { redirectResponse } from '@org/redirect-next';
 *
 * export async function POST(request: Request) {
 *   const next = new URL(request.url).searchParams.get('next');
 *   return redirectResponse(next, { permanent: false, preserveMethod: false });
 * }
 * ```
 * @see https://nextjs.org/docs/app/api-reference/functions/redirect
 */
export function redirectResponse(
  target: string | null | undefined,
  intent: RedirectIntent = {},
  options: RedirectResponseOptions = {},
): Response {
  const decision = redirectDecision(target as string, { ...intent, ...options, trusted: false });
  if (decision.kind === 'fallback' && decision.code === 'invalid-options') {
    throw new TypeError(
      `@org/redirect-next: redirectResponse options are invalid: ${decision.reason}`,
    );
  }
  return new Response(null, { status: decision.status, headers: decision.headers });
}
