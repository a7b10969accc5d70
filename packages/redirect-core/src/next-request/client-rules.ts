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

/** Whether a client turns `method` (normalized) into GET after `rule`. */
export function rewritesToGet(method: string, rule: StatusRule, crossOrigin: boolean): boolean {
  switch (rule.toGet) {
    case 'post':
      return method === 'POST';
    case 'post-cross-origin':
      return crossOrigin && method === 'POST';
    case 'all-but-get-head':
      return method !== 'GET' && method !== 'HEAD';
    default:
      return false;
  }
}

/** Whether the body goes although the method stays. */
export function bodyDroppedWithoutRewrite(rule: StatusRule, crossOrigin: boolean): boolean {
  return rule.body === 'dropped' || (rule.body === 'dropped-cross-origin' && crossOrigin);
}

/** They describe the dropped body, so they go with it whatever the client. */
export const framingHeaders = ['content-length', 'transfer-encoding'] as const;
/** Fetch's request-body-header names, and the framing headers. */
const bodyHeaders = {
  names: [
    'content-encoding',
    'content-language',
    'content-location',
    'content-type',
    'content-length',
    'transfer-encoding',
  ],
  contentPrefix: false,
};
const contentStar = { names: framingHeaders, contentPrefix: true };
const framingOnly = { names: framingHeaders, contentPrefix: false };

/** The header names a client removes with the body, and whether every `content-*` goes. */
export function bodyHeaderNames(kind: BodyHeaders): {
  names: readonly string[];
  contentPrefix: boolean;
} {
  switch (kind) {
    case 'request-body-headers':
    case 'body-headers':
      return bodyHeaders;
    case 'content-star':
      return contentStar;
    case 'framing-only':
      return framingOnly;
  }
}
