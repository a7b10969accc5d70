import type { UrlParts } from './location-url';
import { sameOrigin } from './origin';
import type { ReferrerPolicy } from './types';

/** Every referrer policy, in the Referrer Policy spec's order. */
export const referrerPolicies = [
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
] as const satisfies readonly ReferrerPolicy[];

/** The policy a request has when none is set. */
export const defaultReferrerPolicy: ReferrerPolicy = 'strict-origin-when-cross-origin';

/** Whether `value` is a referrer policy. */
export function isReferrerPolicy(value: unknown): value is ReferrerPolicy {
  return typeof value === 'string' && (referrerPolicies as readonly string[]).includes(value);
}

/**
 * The policy of the `Referrer-Policy` fields among `headers` (lower-cased pairs): the last
 * token that is a known policy, so a new policy can be listed after a fallback; `null` when
 * there is none.
 *
 * @see https://w3c.github.io/webappsec-referrer-policy/#parse-referrer-policy-from-header
 */
export function referrerPolicyFromHeaders(
  headers: readonly (readonly [string, string])[],
): ReferrerPolicy | null {
  let policy: ReferrerPolicy | null = null;
  for (const [name, value] of headers) {
    if (name !== 'referrer-policy') continue;
    for (const part of value.split(',')) {
      const candidate = part.trim().toLowerCase();
      if (isReferrerPolicy(candidate)) policy = candidate;
    }
  }
  return policy;
}

// Potentially trustworthy per Secure Contexts, for the http(s) URLs a redirect can reach.
function trustworthy(url: UrlParts): boolean {
  if (url.protocol === 'https:') return true;
  const host = url.hostname;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    (host.length <= 15 && /^127\.\d+\.\d+\.\d+$/.test(host))
  );
}

function stripped(url: UrlParts, originOnly: boolean): string {
  if (originOnly) return `${url.origin}/`;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  return copy.href;
}

/**
 * The referrer of a request to `target` with `policy`, given the request's referrer: a URL
 * without credentials or fragment, an origin followed by "/", or `null` for none.
 *
 * @see https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer
 */
export function determineReferrer(
  referrer: URL,
  target: UrlParts,
  policy: ReferrerPolicy,
): string | null {
  if (referrer.protocol !== 'http:' && referrer.protocol !== 'https:') return null;
  let full = stripped(referrer, false);
  const origin = stripped(referrer, true);
  if (full.length > 4096) full = origin;
  const same = sameOrigin(referrer, target);
  const downgrade = trustworthy(referrer) && !trustworthy(target);
  switch (policy) {
    case 'no-referrer':
      return null;
    case 'origin':
      return origin;
    case 'unsafe-url':
      return full;
    case 'strict-origin':
      return downgrade ? null : origin;
    case 'strict-origin-when-cross-origin':
      if (same) return full;
      return downgrade ? null : origin;
    case 'same-origin':
      return same ? full : null;
    case 'origin-when-cross-origin':
      return same ? full : origin;
    case 'no-referrer-when-downgrade':
      return downgrade ? null : full;
  }
}
