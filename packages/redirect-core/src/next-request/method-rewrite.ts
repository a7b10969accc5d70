import type { SourceId } from '../status/sources';
import { type RedirectStatus, redirectStatuses } from '../status/status';
import type { ClientFamily } from '../status/types';

// RFC 9110 §9.1: a method is a token.
const methodToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalized = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Whether `method` is a valid method token. */
export function isMethod(method: unknown): method is string {
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'HEAD') return true;
  return typeof method === 'string' && methodToken.test(method);
}

/**
 * Fetch's "normalize a method": DELETE, GET, HEAD, OPTIONS, POST and PUT, in any case, are
 * upper-cased; every other method (PATCH included) is kept exactly.
 *
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function normalizeMethod(method: string): string {
  // Most methods arrive normalized already.
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'HEAD') return method;
  const upper = method.toUpperCase();
  return normalized.has(upper) ? upper : method;
}

/** The method after a redirect and the rule that decided it. */
export interface MethodOutcome {
  readonly method: string;
  readonly rewritten: boolean;
  readonly source: SourceId;
}

/**
 * The method `family` sends after `status`, read from the `redirectStatuses` table:
 * `post` turns POST into GET, `all-but-get-head` every method but GET and HEAD, and
 * `none` or `post-optional` (RFC 9110's "MAY") keep it.
 */
export function rewriteMethod(
  method: string,
  status: RedirectStatus,
  family: ClientFamily,
): MethodOutcome {
  const rule = redirectStatuses[status].methods[family];
  const source: SourceId =
    family === 'fetch' || family === 'undici' ? 'fetch-http-redirect-fetch-12' : rule.source;
  const rewritten =
    (rule.rewrite === 'post' && method === 'POST') ||
    (rule.rewrite === 'all-but-get-head' && method !== 'GET' && method !== 'HEAD');
  return { method: rewritten ? 'GET' : method, rewritten, source };
}
