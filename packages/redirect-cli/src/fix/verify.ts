import {
  createRedirectMap,
  type NormalizedRule,
  normalizeRule,
  type PathOptions,
  type RedirectMap,
  type RedirectRule,
} from '@org/redirect-core/map';
import { isNextTrailingSlash, NEVER } from './prove';

/**
 * The empirical half of `--fix`: both maps answer the same generated requests, followed hop by
 * hop to where a client ends up, and any difference stops the write. The requests come from
 * the rules themselves: every host and method they name, every query condition with and without
 * an extra (secret) parameter, and for each param and splat the literal segments any rule uses
 * (so an exact rule for one value, or a narrower splat rule, is hit) besides a fresh value.
 */

/** Where a request ends up after following the map's redirects. */
interface Outcome {
  readonly first: number | null;
  readonly permanent: boolean;
  readonly url: string;
  readonly method: string;
}

/** A request that the two maps answer differently, with both outcomes. */
export interface Difference {
  readonly request: { readonly method: string; readonly url: string };
  /** The rule the rewritten map answered it with first, if any. */
  readonly rule: number | null;
  readonly before: string;
  readonly after: string;
}

/** Options of {@link compareMaps}. */
export interface CompareOptions {
  /** Generate requests for these rule indexes (the rewritten ones); default every rule. */
  readonly focus?: readonly number[];
  /** Stop after this many requests. @default 200_000 */
  readonly limit?: number;
  /** How both maps compare paths (the parsed file's options). */
  readonly map?: PathOptions;
}

const HOPS = 20;
const extraMethods = ['GET', 'HEAD', 'POST', 'PUT'] as const;

/** Requests that exercise `rules` (see the module comment), at most `limit`. */
export function generateRequests(
  rules: readonly RedirectRule[],
  focus: readonly number[],
  limit: number,
): { method: string; url: string }[] {
  const normalized = rules.map((rule) => normalizeRule(isNextTrailingSlash(rule) ? NEVER : rule));
  const literals = new Set<string>();
  const hosts = new Set<string>(['']);
  const methodSet = new Set<string>(extraMethods);
  for (const rule of normalized) {
    for (const segment of rule.pattern.segments) {
      if (segment.kind === 'literal' && segment.value !== '' && literals.size < 64) {
        literals.add(segment.value);
      }
    }
    if (rule.conditions?.host) hosts.add(rule.conditions.host);
    for (const method of rule.conditions?.methods ?? []) methodSet.add(method);
  }
  // Besides the literals: another case, escapes a host may decode (`/`, `?`, `#`, `%`), values
  // the open-redirect guard refuses in some places only, and one past the Location limit.
  const values = [
    'v1',
    ...literals,
    'V2',
    'a/b',
    'q?x',
    'h#x',
    'p%',
    'sp ace',
    '..',
    '.',
    '//evil.test',
    '\\evil',
    'x'.repeat(2100),
  ];
  const out: { method: string; url: string }[] = [];
  const push = (method: string, url: string): boolean => {
    out.push({ method, url });
    return out.length < limit;
  };
  for (const index of focus) {
    const rule = normalized[index];
    if (rule === undefined) continue;
    const queries = queriesFor(rule);
    for (const path of pathsFor(rule, values)) {
      for (const host of hosts) {
        for (const query of queries) {
          const url = host === '' ? `${path}${query}` : `https://${host}${path}${query}`;
          for (const method of methodSet) if (!push(method, url)) return out;
        }
      }
    }
  }
  return out;
}

function queriesFor(rule: NormalizedRule): string[] {
  const pairs = (rule.conditions?.query ?? []).map(
    ([key, value]) =>
      `${encodeURIComponent(key)}=${encodeURIComponent(value === true ? 'q' : value)}`,
  );
  const own = pairs.join('&');
  return ['', '?code=SECRET', ...(own === '' ? [] : [`?${own}`, `?${own}&code=SECRET`])];
}

/** Paths rule matches: each param or splat in turn takes every value, the others a fresh one. */
function pathsFor(rule: NormalizedRule, values: readonly string[]): string[] {
  const segments = rule.pattern.segments;
  const build = (pick: (position: number) => string): string => {
    const parts = segments.map((segment, position) =>
      segment.kind === 'literal' ? encodeURIComponent(segment.value) : pick(position),
    );
    const path = `/${parts.filter((part) => part !== '').join('/')}`;
    return path;
  };
  const out = new Set<string>();
  out.add(build((position) => (segments[position]!.kind === 'splat' ? '' : 'v1')));
  segments.forEach((segment, position) => {
    if (segment.kind === 'literal') return;
    const choices =
      segment.kind === 'param'
        ? values.map(encodeURIComponent)
        : [
            '',
            ...values.map(encodeURIComponent),
            ...values.map((value) => `${encodeURIComponent(value)}/v3`),
            'v1/v2/v3',
            // Raw: dot segments and an empty first segment (`//host` after a "/").
            '..',
            '../v1',
            '%2e%2e/v1',
            '/evil.test',
          ];
    for (const choice of choices) {
      out.add(
        build((at) => (at === position ? choice : segments[at]!.kind === 'splat' ? '' : 'v1')),
      );
    }
  });
  return [...out].flatMap((path) => (path === '/' ? [path] : [path, `${path}/`]));
}

function nextMethod(method: string, status: number): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

/** Follows `request` through `map` to where a client ends up. */
function resolve(
  map: RedirectMap,
  served: ReadonlySet<string>,
  request: { method: string; url: string },
): Outcome | 'loop' {
  let { url, method } = request;
  let first: number | null = null;
  let permanent = true;
  for (let hop = 0; hop < HOPS; hop += 1) {
    const match = map.match({ url, method });
    if (match === null) return { first, permanent: first !== null && permanent, url, method };
    // A rule the host serves itself (a rewrite, a 404): the request ends here, with that status.
    if (match.kind === 'serve') {
      return { first, permanent, url: `${url} served ${match.status}`, method };
    }
    if (first === null) first = match.status;
    permanent = permanent && (match.status === 301 || match.status === 308);
    method = nextMethod(method, match.status);
    const location = match.location.split('#')[0]!;
    if (location.startsWith('/') && !location.startsWith('//')) {
      const origin = url.startsWith('/') ? '' : new URL(url).origin;
      url = `${origin}${location}`;
      continue;
    }
    let target: URL;
    try {
      target = new URL(location);
    } catch {
      return { first, permanent, url: location, method };
    }
    // Another site: the client leaves the map here.
    if (!served.has(target.host.toLowerCase())) return { first, permanent, url: location, method };
    url = target.href;
  }
  return 'loop';
}

const show = (outcome: Outcome | 'loop'): string =>
  outcome === 'loop'
    ? 'a loop'
    : outcome.first === null
      ? 'no redirect'
      : `${outcome.first} ... ${outcome.method} ${outcome.url}${outcome.permanent ? ' (permanent)' : ''}`;

/**
 * Answers generated requests with both rule lists and returns the first request they answer
 * differently, or `null` with the number of requests compared.
 */
export function compareMaps(
  before: readonly RedirectRule[],
  after: readonly RedirectRule[],
  options: CompareOptions = {},
): { difference: Difference | null; requests: number } {
  const settings = { ...options.map, cache: { permanentMaxAge: null, temporary: null } };
  const old = createRedirectMap([...before], settings);
  const fresh = createRedirectMap([...after], settings);
  const served = new Set<string>();
  for (const rule of [...before, ...after]) if (rule.host) served.add(rule.host.toLowerCase());
  const focus = options.focus ?? before.map((_, index) => index);
  const requests = generateRequests(before, focus, options.limit ?? 200_000);
  for (const request of requests) {
    const a = show(resolve(old, served, request));
    const b = show(resolve(fresh, served, request));
    if (a !== b) {
      const first = fresh.match(request);
      const rule = first === null ? null : first.rule.index;
      return { difference: { request, rule, before: a, after: b }, requests: requests.length };
    }
  }
  return { difference: null, requests: requests.length };
}
