import { compile, type Key, pathToRegexp, regexpToFunction } from 'path-to-regexp';
import type { HostRequest } from './host-request';
import type { HostCondition, RedirectRule } from './types';

/**
 * Rules read the way Next.js reads `redirects()` (and Vercel `vercel.json`), after Next's
 * `getPathMatch`, `matchHas` and `prepareDestination` (next/dist/shared/lib/router/utils), and
 * checked against `next start` in packages/host-conformance:
 * - `source` is a path-to-regexp 6 pattern, matched against the raw path, case-insensitive
 *   unless `caseSensitive`, with an optional trailing slash, never under `/_next`;
 * - `has` / `missing` read headers, cookies, the query and the host name; a condition with a
 *   `value` is a whole-value regular expression whose named groups become params;
 * - `destination` is compiled by path-to-regexp with the params (a repeated param joined with
 *   `/`; an empty `:slug*` drops its `/`), the request's query merged in (the destination's
 *   own keys win), repeated slashes collapsed.
 */
export interface NextMatcher {
  readonly match: (request: HostRequest) => string | null;
}

type Params = Record<string, string | string[]>;
type Query = Map<string, string | string[]>;

/** Options Next builds its matchers with. */
export interface NextRuleOptions {
  readonly caseSensitive?: boolean;
  /**
   * Next's own redirect (the trailing-slash rule core's `next` format puts first): matched
   * without the `/_next` guard, and it also answers a path with `\\` or `//`, which Next
   * redirects (308) to the path with `/` and single slashes before anything else runs.
   */
  readonly internal?: boolean;
}

/** Compiles a rule with `syntax: 'next'`; throws path-to-regexp's error on a bad source. */
export function compileNextRule(rule: RedirectRule, options: NextRuleOptions = {}): NextMatcher {
  const keys: Key[] = [];
  const base = pathToRegexp(rule.from, keys, {
    delimiter: '/',
    sensitive: options.caseSensitive === true,
    strict: true,
  });
  const source = options.internal
    ? base.source
    : base.source.replace(/\^/, '^(?!\\/_next)').replace(/\$$/, '(?:\\/)?$');
  const matcher = regexpToFunction<Params>(new RegExp(source, base.flags), keys);
  const match = (request: HostRequest): string | null => {
    if (request.path === null) return null;
    if (options.internal && REPEATED_SLASHES.test(request.path)) {
      return repeatedSlashesRedirect(request.path, request.query);
    }
    const found = matcher(request.path);
    if (found === false) return null;
    const params: Params = Object.create(null);
    for (const [name, value] of Object.entries(found.params)) {
      // Unnamed groups are numbered; Next drops them.
      if (!/^\d+$/.test(name)) params[name] = value;
    }
    const query = nextQuery(request.query);
    const conditions = matchConditions(request, query, rule.has ?? [], rule.missing ?? []);
    if (conditions === null) return null;
    Object.assign(params, conditions);
    return nextDestination(rule.to, params, query);
  };
  return { match };
}

// Next's base server: a raw path (before `?`) with a backslash or `//` is redirected first.
const REPEATED_SLASHES = /\\|\/\//;

/**
 * Next's `normalizeRepeatedSlashes` (next/dist/shared/lib/utils): backslashes become `/`, runs
 * of `/` one `/`, the query kept as sent (dropped when empty).
 */
function repeatedSlashesRedirect(path: string, query: string): string {
  const clean = path.replace(/\\/g, '/').replace(/\/\/+/g, '/');
  return query === '' ? clean : `${clean}?${query}`;
}

/** The request's query as Next parses it: form-decoded, repeats as arrays. */
export function nextQuery(raw: string): Query {
  const query: Query = new Map();
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeForm(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeForm(part.slice(eq + 1));
    const existing = query.get(key);
    if (existing === undefined) query.set(key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else query.set(key, [existing, value]);
  }
  return query;
}

function decodeForm(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

// Next keeps only ASCII letters of a param name taken from a condition key.
function safeParamName(name: string): string {
  return name.replace(/[^A-Za-z]/g, '');
}

/** Next's `matchHas`: the params the conditions capture, or `null` when they do not hold. */
function matchConditions(
  request: HostRequest,
  query: Query,
  has: readonly HostCondition[],
  missing: readonly HostCondition[],
): Params | null {
  const params: Params = Object.create(null);
  const holds = (condition: HostCondition): boolean => {
    let value: string | string[] | undefined;
    const key = condition.key ?? '';
    switch (condition.type) {
      case 'header':
        value = request.header(key.toLowerCase());
        break;
      case 'cookie':
        value = request.cookies().get(key);
        break;
      case 'query':
        value = query.get(key);
        break;
      case 'host':
        value = request.host()?.split(':', 1)[0]?.toLowerCase();
        break;
    }
    const present = Array.isArray(value) ? true : value !== undefined && value !== '';
    if (condition.value === undefined && present) {
      params[safeParamName(condition.type === 'host' ? 'host' : key)] = value as string;
      return true;
    }
    if (!present || condition.value === undefined) return false;
    const text = Array.isArray(value) ? (value[value.length - 1] ?? '') : (value as string);
    const found = new RegExp(`^${condition.value}$`).exec(text);
    if (found === null) return false;
    if (found.groups !== undefined) {
      for (const [group, captured] of Object.entries(found.groups)) {
        if (captured !== undefined) params[group] = captured;
      }
    } else if (condition.type === 'host' && found[0]) params.host = found[0];
    return true;
  };
  const all = has.every(holds) && !missing.some(holds);
  return all ? params : null;
}

const ORIGIN = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#]*)/;

/** Next's `prepareDestination` for a redirect, as the Location Next sends. */
export function nextDestination(destination: string, params: Params, query: Query): string {
  // Params are hidden from URL parsing (which would read ":name" after a host as a port).
  const names = new Set([...Object.keys(params), ...query.keys()].filter((name) => name !== ''));
  let escaped = destination;
  for (const name of names) {
    escaped = escaped.replace(new RegExp(`:${escapeRegExp(name)}`, 'g'), `__ESC_COLON_${name}`);
  }
  const unhide = (text: string) => text.replace(/__ESC_COLON_/gi, ':');
  const origin = ORIGIN.exec(escaped);
  const parsed = new URL(escaped, 'http://n');
  const pathname = unhide(parsed.pathname);
  const hash = unhide(parsed.hash);
  const search = unhide(parsed.search);
  const compiled = compile(pathname + hash, { validate: false })(params);
  const hashAt = compiled.indexOf('#');
  let path = hashAt === -1 ? compiled : compiled.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : compiled.slice(hashAt);
  let host = '';
  if (origin !== null) {
    const hostname = compile(unhide(parsed.hostname), {
      validate: false,
      encode: encodeURIComponent,
    })(params);
    host = `${origin[1]}//${hostname}${parsed.port === '' ? '' : `:${parsed.port}`}`;
  }
  // The destination's own query, params filled in, wins over the request's.
  const merged: Query = new Map(query);
  const own: Query = new Map();
  for (const [key, value] of new URLSearchParams(search)) {
    const filled = compileNonPath(value, params);
    const existing = own.get(key);
    if (existing === undefined) own.set(key, filled);
    else if (Array.isArray(existing)) existing.push(filled);
    else own.set(key, [existing, filled]);
  }
  for (const [key, value] of own) merged.set(key, value);
  path = path.replace(/\\/g, '/').replace(/\/\/+/g, '/');
  const text = stringifyQuery(merged, query);
  return `${host}${path}${text === '' ? '' : `?${text}`}${fragment}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
}

/** Next's `compileNonPath`: params in a query value or host. */
function compileNonPath(value: string, params: Params): string {
  if (!value.includes(':')) return value;
  let text = value;
  for (const key of Object.keys(params)) {
    if (text.includes(`:${key}`)) {
      text = text
        .replace(new RegExp(`:${key}\\*`, 'g'), `:${key}--ESCAPED_PARAM_ASTERISKS`)
        .replace(new RegExp(`:${key}\\?`, 'g'), `:${key}--ESCAPED_PARAM_QUESTION`)
        .replace(new RegExp(`:${key}\\+`, 'g'), `:${key}--ESCAPED_PARAM_PLUS`)
        .replace(new RegExp(`:${key}(?!\\w)`, 'g'), `--ESCAPED_PARAM_COLON${key}`);
    }
  }
  text = text
    .replace(/(:|\*|\?|\+|\(|\)|\{|\})/g, '\\$1')
    .replace(/--ESCAPED_PARAM_PLUS/g, '+')
    .replace(/--ESCAPED_PARAM_COLON/g, ':')
    .replace(/--ESCAPED_PARAM_QUESTION/g, '?')
    .replace(/--ESCAPED_PARAM_ASTERISKS/g, '*');
  return compile(`/${text}`, { validate: false })(params).slice(1);
}

/**
 * The query Next writes (Node's `querystring.stringify`): keys and values that came from the
 * request are percent-encoded, the destination's own are written as they are.
 */
function stringifyQuery(query: Query, request: Query): string {
  const fromRequest = new Set<string>();
  for (const [key, value] of request) {
    fromRequest.add(key);
    for (const item of Array.isArray(value) ? value : [value]) fromRequest.add(item);
  }
  const encode = (text: string) => (fromRequest.has(text) ? encodeURIComponent(text) : text);
  const parts: string[] = [];
  for (const [key, value] of query) {
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encode(key)}=${encode(item)}`);
  }
  return parts.join('&');
}
