import { encodeLocation } from '../guard/encode-location';
import { type GuardRejection, safeRedirectTarget } from '../guard/guard';
import type { MatchResult } from '../map/types';
import { chooseStatus, type RedirectIntent } from '../status/choose-status';
import type { RedirectStatus } from '../status/status';

// With no configured base, targets are resolved against this reserved origin (RFC 6761
// `.invalid`): only same-origin paths pass the guard, and they are answered as paths. The
// request's Host header is never used.
const noBase = 'https://origin.invalid';

/**
 * How to redirect to a target that may come from a user: the intent for the status, and the
 * guard's configuration.
 */
export interface RedirectTargetOptions extends RedirectIntent {
  /**
   * `true` only for targets written in your code (or read from your configuration): they skip
   * the open-redirect guard and are only encoded. Everything else passes the guard, which
   * accepts plain same-origin paths (`/account`) and targets on `allowedOrigins`.
   * @default false
   */
  readonly trusted?: boolean;
  /**
   * The site's absolute URL, from configuration (never from the Host header). With it, accepted
   * paths are answered with absolute Locations on it; without it, only same-origin paths are
   * accepted and they are answered as paths.
   */
  readonly base?: string | URL;
  /**
   * Origins an untrusted target may point to. Given with a `base`, it replaces the base's
   * origin (list it too); without one, same-origin paths stay accepted.
   * @default the origin of `base`
   */
  readonly allowedOrigins?: readonly string[];
  /** Where to go when the guard rejects the target: a path or URL from your code. @default '/' */
  readonly fallback?: string;
  /** Longest accepted target, in characters. @default the guard's limit */
  readonly maxLength?: number;
}

/** What to answer for a redirect to a target: the status and the encoded Location. */
export type RedirectDecision =
  | {
      readonly kind: 'redirect';
      readonly status: RedirectStatus;
      readonly location: string;
      readonly headers: { readonly location: string };
    }
  | {
      /** The guard rejected the target: this answer goes to the fallback instead. */
      readonly kind: 'fallback';
      readonly status: RedirectStatus;
      readonly location: string;
      readonly headers: { readonly location: string };
      readonly reason: string;
      readonly code: GuardRejection | 'no-referer';
    };

function answer(status: RedirectStatus, href: string) {
  const location = encodeLocation(href);
  return { status, location, headers: { location } } as const;
}

/**
 * The status and Location for a redirect to `target`: the status from `chooseStatus(options)`
 * (default 307), untrusted targets through `safeRedirectTarget` with a fallback when it rejects
 * them, and the Location always through `encodeLocation`. Adapters write the result as is.
 *
 * @example
 * ```ts
 * redirectDecision('/login?next=//evil.test', { base: 'https://shop.test' });
 * // { kind: 'redirect', status: 307, location: 'https://shop.test/login?next=//evil.test', ... }
 * redirectDecision('//evil.test', { fallback: '/' });
 * // { kind: 'fallback', status: 307, location: '/', reason: '...', ... }
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2 (Location)
 */
export function redirectDecision(
  target: string,
  options: RedirectTargetOptions = {},
): RedirectDecision {
  const status = chooseStatus(options);
  if (options.trusted === true) return { kind: 'redirect', ...answer(status, target) };
  const base = options.base ?? noBase;
  // Without a base, same-origin paths must still pass next to any listed origin.
  const listed = options.allowedOrigins;
  const allowedOrigins = listed && options.base === undefined ? [noBase, ...listed] : listed;
  const checked = safeRedirectTarget(target, {
    base,
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
  });
  if (!checked.ok) {
    return {
      kind: 'fallback',
      ...answer(status, options.fallback ?? '/'),
      reason: checked.reason,
      code: checked.code,
    };
  }
  const url = new URL(checked.url);
  const href = url.origin === noBase ? `${url.pathname}${url.search}${url.hash}` : url.href;
  return { kind: 'redirect', ...answer(status, href) };
}

/**
 * A "go back" redirect to the request's Referer, only when it is on an allowed origin (the
 * origin of `base`, or `allowedOrigins`); otherwise to `fallback`. The default intent asks for
 * a GET (303), as after a form post.
 *
 * @example
 * ```ts
 * backDecision(request.headers.get('referer'), { base: 'https://shop.test', fallback: '/' });
 * ```
 */
export function backDecision(
  referer: string | null | undefined,
  options: RedirectTargetOptions & { readonly fallback: string },
): RedirectDecision {
  const intent = { preserveMethod: false, ...options, trusted: false };
  if (referer == null || referer === '') {
    return {
      kind: 'fallback',
      ...answer(chooseStatus(intent), options.fallback),
      reason: 'the request has no Referer',
      code: 'no-referer',
    };
  }
  return redirectDecision(referer, intent);
}

const htmlEscapes = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
} as const satisfies Record<string, string>;

/** `text` with `& < > " '` replaced by HTML character references. */
export function escapeHtml(text: string): string {
  // Most Locations hold none of the five: a test is cheaper than a replace with a callback.
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c as keyof typeof htmlEscapes]);
}

/** The body of a redirect answer. */
export interface RedirectBody {
  readonly contentType: 'text/html; charset=utf-8';
  readonly body: string;
}

// The last note built, given again for the same Location: hits on one rule repeat it, and a note
// built anew is a concatenated string the server flattens again to measure and send it (Koa's
// rule hit measured 1-1.5% faster with this, both variants in one process).
let lastNote: { readonly location: string; readonly note: RedirectBody } | undefined;

/**
 * The short HTML note with a link that a redirect answer carries for clients that do not follow
 * it, or `null` for HEAD, whose answer has no body. Calls in a row for one Location get the same
 * (read-only) object.
 *
 * @example
 * ```ts
 * redirectBody('GET', '/new')?.body; // '<!doctype html>...<a href="/new">/new</a>...'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4 (a short hypertext note)
 */
export function redirectBody(method: string, location: string): RedirectBody | null {
  if (method !== 'GET' && method.toUpperCase() === 'HEAD') return null;
  if (lastNote === undefined || location !== lastNote.location) {
    const link = escapeHtml(location);
    lastNote = {
      location,
      note: {
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html>\n<meta charset="utf-8">\n<title>Redirecting</title>\n<p>Redirecting to <a href="${link}">${link}</a>.</p>\n`,
      },
    };
  }
  return lastNote.note;
}

/** What an adapter's `onRedirect` hook receives: which rule sent which request where. */
export interface RedirectEvent {
  readonly rule: MatchResult['rule'];
  readonly status: RedirectStatus;
  /** The request's path and query. */
  readonly from: string;
  /** The Location sent. */
  readonly to: string;
}
