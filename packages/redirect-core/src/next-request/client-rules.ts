import type { BodyHeaders, StatusRule, StripOn } from '../clients/types';
import type { UrlParts } from './location-url';
import { sameOrigin } from './origin';

/** The host and port of an origin ("a.example:8080"; a default port is already left out). */
export function hostAndPort(url: UrlParts): string {
  const origin = url.origin;
  const at = origin.indexOf('//');
  return at === -1 ? origin : origin.slice(at + 2);
}

/** Whether `sub` is a subdomain of `domain` (both host[:port]), as follow-redirects tests it. */
function isSubdomain(sub: string, domain: string): boolean {
  const dot = sub.length - domain.length - 1;
  return dot > 0 && sub.charCodeAt(dot) === 0x2e && sub.endsWith(domain);
}

/** Whether a redirect from `from` to `to` is a move of kind `on`. */
export function isMove(on: StripOn, from: UrlParts, to: UrlParts): boolean {
  switch (on) {
    case 'any':
      return true;
    case 'origin':
      return !sameOrigin(from, to);
    case 'host-or-port':
      return hostAndPort(from) !== hostAndPort(to);
    case 'non-subdomain-or-insecure': {
      const fromHost = hostAndPort(from);
      const toHost = hostAndPort(to);
      return (
        (from.protocol !== to.protocol && to.protocol !== 'https:') ||
        (toHost !== fromHost && !isSubdomain(toHost, fromHost))
      );
    }
  }
}

/** The method a client sends after `rule`, and whether it was rewritten to GET. */
export function ruleMethod(
  method: string,
  rule: StatusRule,
  crossOrigin: boolean,
): { method: string; rewritten: boolean } {
  let rewritten = false;
  switch (rule.toGet) {
    case 'post':
      rewritten = method === 'POST';
      break;
    case 'post-cross-origin':
      rewritten = crossOrigin && method === 'POST';
      break;
    case 'all-but-get-head':
      rewritten = method !== 'GET' && method !== 'HEAD';
      break;
    default:
      rewritten = false;
  }
  return { method: rewritten ? 'GET' : method, rewritten };
}

/** Whether the body goes although the method stays. */
export function bodyDroppedWithoutRewrite(rule: StatusRule, crossOrigin: boolean): boolean {
  return rule.body === 'dropped' || (rule.body === 'dropped-cross-origin' && crossOrigin);
}

/** Fetch's request-body-header names. */
const requestBodyHeaders = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
] as const;
/** They describe the dropped body, so they go with it whatever the client. */
export const framingHeaders = ['content-length', 'transfer-encoding'] as const;

/** The header names a client removes with the body, and whether every `content-*` goes. */
export function bodyHeaderNames(kind: BodyHeaders): {
  names: readonly string[];
  contentPrefix: boolean;
} {
  switch (kind) {
    case 'request-body-headers':
    case 'body-headers':
      return { names: [...requestBodyHeaders, ...framingHeaders], contentPrefix: false };
    case 'content-star':
      return { names: framingHeaders, contentPrefix: true };
    case 'framing-only':
      return { names: framingHeaders, contentPrefix: false };
  }
}
