import { formDecode, type HostRequest } from './host-request';
import type { RedirectRule } from './types';

/**
 * Rules read the way Netlify reads `_redirects` (checked against `netlify-redirector`, the
 * matcher of Netlify's edge, in packages/host-conformance):
 * - the request path is percent-decoded as a whole (`%2F` is a `/`) and compared with `from` as
 *   written, with its case; one trailing slash is ignored on both sides;
 * - `:name` matches one segment; a last `*` matches the rest (zero or more segments) and a `*`
 *   glued to text (`/about*`) is a prefix match; the splat keeps a trailing slash the request
 *   had (`/guides/a/b/` gives `a/b/`); a `*` inside the path matches one segment;
 * - a query condition `x=1` compares with the last `x` of the request (`?x=1&x=2` does not
 *   match); `x=:name` needs `x` and puts its value, form-encoded, where `to` says `:name`;
 * - a domain rule (`https://host/*`) matches only that scheme and host;
 * - `Language=de,en` compares with the request's language: the `nf_lang` cookie, else the first
 *   two letters of the first `Accept-Language` entry, else `en`; `Cookie=name` needs the cookie.
 */
export interface NetlifyMatcher {
  /** The destination for a matching request, `null` when the rule does not apply. */
  readonly match: (request: HostRequest) => string | null;
  /** The rule has `Country` or `Role` conditions: only the host can tell, so it serves them. */
  readonly hostOnly: boolean;
}

const PARAM = /^:([A-Za-z0-9_]+)(.*)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regular expression of a Netlify `from` path, with the names of its groups. */
export function netlifyPathRegExp(from: string): {
  regexp: RegExp;
  names: string[];
  prefix: boolean;
} {
  let path = from;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/') return { regexp: /^\/$/, names: [], prefix: false };
  const segments = path.slice(1).split('/');
  const names: string[] = [];
  let source = '^';
  let open = true;
  let prefix = false;
  for (const [position, segment] of segments.entries()) {
    const last = position === segments.length - 1;
    if (last && segment === '*') {
      source += '(?:/(.*))?';
      names.push('splat');
      open = false;
      continue;
    }
    if (last && segment.endsWith('*')) {
      source += `/${escapeRegExp(segment.slice(0, -1))}(.*)`;
      names.push('splat');
      open = false;
      prefix = true;
      continue;
    }
    source += '/';
    const param = PARAM.exec(segment);
    if (param !== null) {
      source += `([^/]+)${escapeRegExp(param[2]!)}`;
      names.push(param[1]!);
    } else if (segment === '*') source += '[^/]*';
    else source += escapeRegExp(segment);
  }
  if (open) source += '/?';
  return { regexp: new RegExp(`${source}$`), names, prefix };
}

/** The language Netlify compares `Language=` with, as its local server works it out. */
export function netlifyLanguage(request: HostRequest): string {
  const cookie = request.cookies().get('nf_lang');
  if (cookie !== undefined && cookie !== '') return cookie;
  const accept = request.header('accept-language');
  return accept === undefined || accept === '' ? 'en' : accept.split(',')[0]!.slice(0, 2);
}

/** Compiles a rule with `syntax: 'netlify'`. */
export function compileNetlifyRule(rule: RedirectRule): NetlifyMatcher {
  const { regexp, names, prefix } = netlifyPathRegExp(rule.from);
  const query = rule.query === undefined ? [] : Object.entries(rule.query);
  const host = rule.host?.toLowerCase();
  const languages = rule.conditions?.language;
  const cookies = rule.conditions?.cookie;
  const hostOnly =
    (rule.conditions?.country?.length ?? 0) > 0 || (rule.conditions?.role?.length ?? 0) > 0;
  const match = (request: HostRequest): string | null => {
    if (request.path === null) return null;
    let path: string;
    try {
      path = decodeURIComponent(request.path);
    } catch {
      return null;
    }
    const found = regexp.exec(path);
    if (found === null) return null;
    if (rule.scheme !== undefined && request.scheme() !== rule.scheme) return null;
    if (host !== undefined) {
      const requestHost = request.host();
      if (requestHost === null || requestHost.replace(/:\d+$/, '') !== host) return null;
    }
    if (languages !== undefined && !languages.includes(netlifyLanguage(request))) return null;
    if (
      cookies !== undefined &&
      !cookies.some((name) => (request.cookies().get(name) ?? '') !== '')
    ) {
      return null;
    }
    const values = new Map<string, string>();
    for (const [index, name] of names.entries()) {
      let value = found[index + 1] ?? '';
      if (name === 'splat' && prefix && value.startsWith('/')) value = value.slice(1);
      values.set(name, value);
    }
    if (query.length > 0) {
      const last = netlifyQuery(request.query);
      for (const [key, wanted] of query) {
        const actual = last.get(key);
        if (actual === undefined) return null;
        if (wanted !== true && wanted.startsWith(':'))
          values.set(wanted.slice(1), formEncode(actual));
        else if (wanted !== true && actual !== wanted) return null;
      }
    }
    return rule.to.replace(/:([A-Za-z0-9_]+)/g, (token, name: string) => values.get(name) ?? token);
  };
  return { match, hostOnly };
}

/**
 * The query values Netlify's matcher compares with: the last value of each name; a name
 * without "=" has none; and, as netlify-redirector reads it, a query ending in "&" loses its
 * last pair as well (`x=1&y=2&` reads as `x=1`).
 */
export function netlifyQuery(query: string): Map<string, string> {
  let parts = query.split('&');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts = parts.slice(0, -2);
  const last = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    last.set(formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1)));
  }
  return last;
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replaceAll('%20', '+');
}
