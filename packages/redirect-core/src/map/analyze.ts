import { plainSubset, remapFinding } from './host-plain';
import { RedirectMatcher } from './matcher';
import { foldSegment, type ParsedPattern, type PathOptions, requestPathKey } from './pattern';
import { isPermanentStatus } from './rule-status';
import { type NormalizedRule, normalizeRule, type RuleConditions } from './rules';
import type { Finding, FindingKind, MatchResult, RedirectRule, RuleOrigin } from './types';

/** Options of {@link analyzeRedirects}. */
export interface AnalyzeOptions extends PathOptions {
  /** Source lines per rule index, named in the messages. */
  readonly origins?: readonly (RuleOrigin | undefined)[];
  /**
   * A chain longer than this many hops is an error rather than a warning: search engines stop
   * following after 10.
   * @default 10
   */
  readonly maxHops?: number;
}

/** Hops followed from each rule before the analysis calls the path endless. */
const FOLLOW_LIMIT = 32;
/** At most this many rule indexes are listed in one finding. */
const LISTED = 24;

// Paths where a POST (a form, an API call) is likely: 301/302/303 would turn it into a GET.
const ENDPOINT =
  /(?:^|\/)(?:api|graphql|gql|rpc|webhooks?|oauth2?|auth|login|logout|log-in|sign-?in|sign-?up|sign-?out|register|submit|checkout|upload|forms?|subscribe|token|session)(?:\/|$|[.-])|\.(?:json|xml)$/i;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The order findings about one rule are listed in: what breaks requests first.
const kindOrder = {
  loop: 0,
  'self-redirect': 1,
  duplicate: 2,
  shadowed: 3,
  chain: 4,
  'permanence-mix': 5,
  'method-change': 6,
  downgrade: 7,
  external: 8,
} as const satisfies Record<FindingKind, number>;

/** A request the analysis sends through the map. */
interface Probe {
  readonly url: string;
  readonly method: string;
  /** Lower-cased host of the request, or `''` for a path on any host. */
  readonly host: string;
  /** `https://host` (or the scheme a destination named), or `''` for a path on any host. */
  readonly origin: string;
}

/** Stand-ins for captured values: plain ASCII that survives encoding and is put back as `:name`. */
interface Sample {
  readonly probe: Probe;
  /** [stand-in text, `:name`] pairs, longest first. */
  readonly tokens: readonly (readonly [string, string])[];
  /** Query parameters the sample request carried. */
  readonly query: readonly (readonly [string, string])[];
}

/**
 * Finds what is wrong with a list of redirect rules, without sending a request anywhere:
 *
 * - `loop`: requests that never stop redirecting (A -> B -> A), also through params and
 *   trailing-slash variants (`/a/` and `/a` are the same path unless the map is strict);
 * - `self-redirect`: a rule whose destination it matches again itself;
 * - `chain`: A -> B -> C, with the collapsed rule A -> C as the `fix` (an error beyond
 *   `maxHops`, since search engines stop after 10 hops, and every hop costs a round trip);
 * - `duplicate`: a source (with the same conditions) given twice; the later rule never answers;
 * - `shadowed`: a rule that an earlier, broader rule always answers first;
 * - `permanence-mix`: permanent and temporary redirects in one chain;
 * - `method-change`: 301/302/303 on a path that looks like an API or form endpoint, where a
 *   POST would arrive as a GET (the `fix` uses 307/308);
 * - `downgrade`: a destination on `http:`, which drops TLS for sites on `https:`;
 * - `external`: a destination on another origin than the map serves.
 *
 * Each rule is probed with one representative request (params filled with stand-ins) through the
 * compiled matcher, so the analysis costs a few lookups per rule: 100,000 rules take seconds. A
 * chain or loop that only some values of a param take is not reported.
 *
 * @example
 * ```ts
 * const findings = analyzeRedirects([
 *   { from: '/a', to: '/b', permanent: true },
 *   { from: '/b', to: '/c', permanent: true },
 * ]);
 * // [{ kind: 'chain', severity: 'warning', rules: [0, 1], message: '...',
 * //    fix: { index: 0, rule: { from: '/a', to: '/c', permanent: true } } }]
 * ```
 * @throws RedirectConfigError when the rules are invalid (as `createRedirectMap` would).
 * @see https://developers.google.com/search/docs/crawling-indexing/301-redirects
 */
export function analyzeRedirects(
  rules: readonly RedirectRule[],
  options: AnalyzeOptions = {},
): Finding[] {
  // A host's file: analyse the rules a plain map can follow, named by their own indexes (in the
  // data and in the messages).
  const subset = plainSubset(rules, options.origins);
  if (subset === null) return analyzeAll(rules, options, (index) => index + 1);
  const found = analyzeAll(
    subset.rules,
    { ...options, origins: subset.origins },
    (index) => (subset.indexes[index] ?? index) + 1,
  );
  return found.map((finding) => remapFinding(finding, subset.indexes, rules));
}

/** The analysis; `numberOf` gives the 1-based number a message shows for a rule index. */
function analyzeAll(
  rules: readonly RedirectRule[],
  options: AnalyzeOptions,
  numberOf: (index: number) => number,
): Finding[] {
  const pathOptions: PathOptions = {
    ...(options.caseSensitive === undefined ? {} : { caseSensitive: options.caseSensitive }),
    ...(options.trailingSlash === undefined ? {} : { trailingSlash: options.trailingSlash }),
  };
  const maxHops = options.maxHops ?? 10;
  const map = new RedirectMatcher(rules as RedirectRule[], {
    ...pathOptions,
    cache: { permanentMaxAge: null, temporary: null },
    ...(options.origins === undefined ? {} : { origins: options.origins }),
  });
  const normalized = rules.map((rule) => normalizeRule(rule, pathOptions));
  const served = new Set<string>();
  for (const rule of normalized) if (rule.conditions?.host) served.add(rule.conditions.host);

  const findings: Finding[] = [];
  const label = (index: number): string => {
    const origin = options.origins?.[index];
    // Messages number rules from 1, like lines; `rules` and `fix.index` in the data stay 0-based.
    if (origin === undefined) return `rule ${numberOf(index)} (${rules[index]!.from})`;
    return `rule ${numberOf(index)} (${origin.file === undefined ? 'line ' : `${origin.file}:`}${origin.line})`;
  };
  const add = (finding: Finding): void => {
    findings.push(finding);
  };

  // Duplicates: the same source and conditions.
  const firstBySource = new Map<string, number>();
  const duplicateOf = new Int32Array(rules.length).fill(-1);
  for (const [index, rule] of normalized.entries()) {
    const key = sourceKey(rule, pathOptions);
    const first = firstBySource.get(key);
    if (first === undefined) {
      firstBySource.set(key, index);
      continue;
    }
    duplicateOf[index] = first;
    const same = rules[first]!.to === rules[index]!.to && normalized[first]!.status === rule.status;
    add({
      kind: 'duplicate',
      severity: same ? 'warning' : 'error',
      rules: [first, index],
      message: same
        ? `${label(index)} repeats ${label(first)} (same source, destination and status); remove it.`
        : `${label(index)} has the same source as ${label(first)}, which always answers first (to ${rules[first]!.to}, not ${rules[index]!.to}); remove one of them.`,
    });
  }

  // Each rule: probe it, then follow its destination through the map.
  const loopsSeen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const norm = normalized[index]!;
    // A rule that never answers gets one finding saying so, not others about its destination.
    if (duplicateOf[index] !== -1) continue;
    const sample = sampleFor(norm, index);
    const first = map.match({ url: sample.probe.url, method: sample.probe.method });
    if (first === null || first.rule.index === index) {
      checkRuleAlone(index, rule, norm, served, label, add);
    }
    if (first === null) continue;
    if (first.rule.index !== index) {
      const earlier = first.rule.index;
      if (
        covers(normalized[earlier]!.pattern, norm.pattern, pathOptions) &&
        impliesConditions(norm.conditions, normalized[earlier]!.conditions)
      ) {
        add({
          kind: 'shadowed',
          severity: 'warning',
          rules: [earlier, index],
          message: `${label(index)} never answers: ${label(earlier)} (${rules[earlier]!.from}) matches every request it would; move it above, or remove it.`,
        });
      } else {
        checkRuleAlone(index, rule, norm, served, label, add);
      }
      continue;
    }
    if (
      follow(index, first, sample, false) ||
      !norm.pattern.segments.some((s) => s.kind === 'splat')
    ) {
      continue;
    }
    // A splat that chains only for one-segment values (`/old/*` -> `/new/:splat`, then
    // `/new/:slug`): still worth saying, without a fix that would be wrong for longer paths.
    const short = sampleFor(norm, index, 1);
    const again = map.match({ url: short.probe.url, method: short.probe.method });
    if (again?.rule.index === index) follow(index, again, short, true);
  }

  /** Follows rule `start` from its sample request; whether it reported a chain or a loop. */
  function follow(start: number, first: MatchResult, sample: Sample, partial: boolean): boolean {
    const path: number[] = [start];
    const statuses: number[] = [first.status];
    const seen = new Map<string, number>([[probeKey(sample.probe, pathOptions), 0]]);
    let location = first.location;
    let probe = sample.probe;
    let method = nextMethod(probe.method, first.status);
    for (let hop = 1; hop <= FOLLOW_LIMIT; hop += 1) {
      const next = nextProbe(location, probe, method, served);
      if (next === null) break;
      const key = probeKey(next, pathOptions);
      const again = seen.get(key);
      if (again !== undefined) {
        reportLoop(path, again);
        return true;
      }
      const match = map.match({ url: next.url, method: next.method });
      if (match === null) break;
      seen.set(key, path.length);
      path.push(match.rule.index);
      statuses.push(match.status);
      location = match.location;
      probe = next;
      method = nextMethod(method, match.status);
    }
    if (path.length > FOLLOW_LIMIT) {
      // Still redirecting: a path that grows at every hop (`/a/*` -> `/a/b/:splat`), or a very
      // long chain. Either way clients give up.
      const cycle = [...new Set(path)];
      if (cycle.length < path.length) {
        reportLoop(cycle, 0, true);
        return true;
      }
    }
    if (path.length < 2) return false;
    const hops = path.length;
    const endless = hops > FOLLOW_LIMIT;
    const fixTo = partial || endless ? null : collapse(location, probe, sample);
    const listed = path.slice(0, LISTED);
    const such = partial
      ? ` for requests such as ${sample.probe.url.replace(/zq\d+x\d+az/g, 'x')}`
      : '';
    const shown = `${path.slice(0, 6).map(numberOf).join(' -> ')}${hops > 6 ? ' -> ...' : ''}`;
    const cost =
      hops > maxHops
        ? 'search engines stop following after 10 hops and browsers after about 20, so the target may never be reached;'
        : 'each hop costs a round trip;';
    add({
      kind: 'chain',
      severity: hops > maxHops ? 'error' : 'warning',
      rules: listed,
      message: `${label(start)} starts a chain of ${endless ? `more than ${FOLLOW_LIMIT}` : hops} redirects${such} (rules ${shown}); ${cost} ${
        fixTo === null ? 'point it at the final destination.' : `point it at ${fixTo}.`
      }`,
      ...(fixTo === null ? {} : { fix: { index: start, rule: { ...rules[start]!, to: fixTo } } }),
    });
    const permanent = statuses.filter(isPermanentStatus).length;
    if (permanent > 0 && permanent < statuses.length) {
      add({
        kind: 'permanence-mix',
        severity: 'warning',
        rules: listed,
        message: `${label(start)} mixes permanent and temporary redirects in one chain (${statuses.join(
          ' -> ',
        )}): browsers and search engines cache the permanent hops for good while the temporary ones may change; make them agree.`,
      });
    }
    return true;
  }

  function reportLoop(path: readonly number[], from: number, endless = false): void {
    const cycle = path.slice(from);
    const feeders = path.slice(0, from);
    const key = [...cycle].sort((a, b) => a - b).join(',');
    const self = new Set(cycle).size === 1;
    if (!loopsSeen.has(key)) {
      loopsSeen.add(key);
      const lowest = cycle.indexOf(Math.min(...cycle));
      const ordered = [...cycle.slice(lowest), ...cycle.slice(0, lowest)].slice(0, LISTED);
      add({
        kind: self ? 'self-redirect' : 'loop',
        severity: 'error',
        rules: ordered,
        message: self
          ? `${label(cycle[0]!)} redirects to ${endless ? 'a longer path that it matches again, without end' : 'a URL that it matches again'} (${rules[cycle[0]!]!.from} -> ${rules[cycle[0]!]!.to}); clients give up with "too many redirects". Change its destination.`
          : `rules ${ordered.map(numberOf).join(' -> ')} -> ${numberOf(ordered[0]!)} redirect in a loop${endless ? ' that never ends' : ''}; clients give up with "too many redirects". Break it by changing one destination (${ordered.map(label).join(', ')}).`,
      });
    }
    if (feeders.length > 0) {
      add({
        kind: 'loop',
        severity: 'error',
        rules: [...feeders, ...cycle].slice(0, LISTED),
        message: `${label(feeders[0]!)} leads into the loop of rules ${cycle.map(numberOf).join(', ')}; break the loop.`,
      });
    }
  }

  findings.sort(
    (a, b) => (a.rules[0] ?? 0) - (b.rules[0] ?? 0) || kindOrder[a.kind] - kindOrder[b.kind],
  );
  return findings;
}

/** Findings about one rule on its own: method changes, downgrades, other origins. */
function checkRuleAlone(
  index: number,
  rule: RedirectRule,
  norm: NormalizedRule,
  served: ReadonlySet<string>,
  label: (index: number) => string,
  add: (finding: Finding) => void,
): void {
  const status = norm.status;
  if (status === 301 || status === 302 || status === 303) {
    const unsafe = [...(norm.conditions?.methods ?? [])].filter((m) => UNSAFE_METHODS.has(m));
    if (unsafe.length > 0 || ENDPOINT.test(rule.from)) {
      const keep = status === 301 ? 308 : 307;
      const fixed: RedirectRule =
        rule.status === undefined ? { ...rule, preserveMethod: true } : { ...rule, status: keep };
      add({
        kind: 'method-change',
        severity: status === 303 && unsafe.length === 0 ? 'info' : 'warning',
        rules: [index],
        message: `${label(index)} answers ${status} on ${
          unsafe.length > 0
            ? `${unsafe.join('/')} requests`
            : 'a path that looks like an API or form endpoint'
        }: clients resend a POST as a GET without its body. Use ${keep}, which keeps the method.`,
        fix: { index, rule: fixed },
      });
    }
  }
  const to = rule.to;
  if (/^http:\/\//i.test(to)) {
    add({
      kind: 'downgrade',
      severity: 'warning',
      rules: [index],
      message: `${label(index)} sends clients to plain http (${to}): a site on https loses TLS on the way. Use https.`,
      fix: { index, rule: { ...rule, to: `https://${to.slice('http://'.length)}` } },
    });
  }
  if (/^https?:\/\//i.test(to)) {
    const host = hostOf(to);
    if (host !== null && host !== norm.conditions?.host && !served.has(host)) {
      add({
        kind: 'external',
        severity: 'info',
        rules: [index],
        message: `${label(index)} sends clients to another origin (${host}); check that it is meant to leave the site.`,
      });
    }
  }
}

/** What makes two rules answer the same requests: the pattern shape and the conditions. */
function sourceKey(rule: NormalizedRule, options: PathOptions): string {
  let key = '';
  for (const segment of rule.pattern.segments) {
    if (segment.kind === 'literal')
      key += `/${encodeURIComponent(foldSegment(segment.value, options))}`;
    else key += segment.kind === 'param' ? '/:' : '/*';
  }
  const c = rule.conditions;
  if (c === null) return key;
  const query =
    c.query === null
      ? ''
      : [...c.query]
          .map(([k, v]) => `${k}=${v === true ? '\u0000' : v}`)
          .sort()
          .join('&');
  const methods = c.methods === null ? '' : [...c.methods].sort().join(',');
  return `${key}|${c.host ?? ''}|${query}|${methods}`;
}

/** Whether every path `inner` matches is matched by `outer` too. */
function covers(outer: ParsedPattern, inner: ParsedPattern, options: PathOptions): boolean {
  const o = outer.segments;
  const i = inner.segments;
  for (let k = 0; ; k += 1) {
    const a = o[k];
    const b = i[k];
    if (a === undefined) return b === undefined;
    if (a.kind === 'splat') return true;
    if (b === undefined || b.kind === 'splat') return false;
    if (a.kind === 'param') {
      if (b.kind === 'literal' && b.value === '') return false;
      continue;
    }
    if (b.kind !== 'literal' || foldSegment(a.value, options) !== foldSegment(b.value, options)) {
      return false;
    }
  }
}

/** Whether every request meeting `inner` also meets `outer`. */
function impliesConditions(inner: RuleConditions | null, outer: RuleConditions | null): boolean {
  if (outer === null) return true;
  if (outer.host !== null && inner?.host !== outer.host) return false;
  if (outer.query !== null) {
    for (const [key, value] of outer.query) {
      const mine = inner?.query?.find(([k]) => k === key);
      if (mine === undefined) return false;
      if (value !== true && mine[1] !== value) return false;
    }
  }
  if (outer.methods !== null) {
    if (inner?.methods == null) return false;
    for (const method of inner.methods) if (!outer.methods.has(method)) return false;
  }
  return true;
}

/** A request that rule `index` matches, with stand-ins for its params. */
function sampleFor(rule: NormalizedRule, index: number, splatSegments: 1 | 2 = 2): Sample {
  const tokens: [string, string][] = [];
  let path = '';
  let k = 0;
  for (const segment of rule.pattern.segments) {
    if (segment.kind === 'literal') {
      path += `/${encodeURIComponent(segment.value)}`;
    } else if (segment.kind === 'param') {
      const token = `zq${index}x${k++}z`;
      path += `/${token}`;
      tokens.push([token, `:${segment.name}`]);
    } else {
      const token =
        splatSegments === 2 ? `zq${index}x${k}az/zq${index}x${k++}bz` : `zq${index}x${k++}az`;
      path += `/${token}`;
      tokens.push([token, `:${segment.name}`]);
    }
  }
  if (path === '') path = '/';
  const query: [string, string][] = [];
  for (const [key, value] of rule.conditions?.query ?? [])
    query.push([key, value === true ? 'zqv' : value]);
  const search =
    query.length === 0
      ? ''
      : `?${query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
  const host = rule.conditions?.host ?? '';
  const methods = rule.conditions?.methods;
  const method =
    methods == null || methods.has('GET')
      ? 'GET'
      : ([...methods].find((m) => m !== 'HEAD') ?? 'GET');
  return {
    probe: {
      url: host === '' ? `${path}${search}` : `https://${host}${path}${search}`,
      method,
      host,
      origin: host === '' ? '' : `https://${host}`,
    },
    tokens: tokens.sort((a, b) => b[0].length - a[0].length),
    query,
  };
}

/** The request a client sends after a redirect to `location`, or `null` when it leaves the map. */
function nextProbe(
  location: string,
  from: Probe,
  method: string,
  served: ReadonlySet<string>,
): Probe | null {
  if (location.startsWith('/') && !location.startsWith('//')) {
    const path = location.split('#')[0]!;
    return { url: `${from.origin}${path}`, method, host: from.host, origin: from.origin };
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return null;
  }
  const host = url.host.toLowerCase();
  if (host !== from.host && !served.has(host)) return null;
  url.hash = '';
  return { url: url.href, method, host, origin: url.origin };
}

/** The method of the request after a redirect with `status`, as browsers and fetch do it. */
function nextMethod(method: string, status: number): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

/** Requests that are the same to the map: host, path per the path semantics, and the query. */
function probeKey(probe: Probe, options: PathOptions): string {
  const start = probe.url.startsWith('/') ? 0 : probe.url.indexOf('/', probe.url.indexOf('//') + 2);
  const rest = start === -1 ? '/' : probe.url.slice(start);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const query =
    q === -1
      ? ''
      : rest
          .slice(q + 1)
          .split('&')
          .sort()
          .join('&');
  return `${probe.host} ${probe.method} ${requestPathKey(path, options) ?? path}?${query}`;
}

/** The final destination with the stand-ins turned back into `:name`, or `null` if they do not. */
function collapse(location: string, last: Probe, sample: Sample): string | null {
  // A path answered on another host than the rule's needs that host spelled out.
  const prefix = location.startsWith('/') && last.origin !== sample.probe.origin ? last.origin : '';
  let to = prefix + location.split('#')[0]!;
  const hashAt = location.indexOf('#');
  const fragment = hashAt === -1 ? '' : location.slice(hashAt);
  // The query the sample carried along is carried by the collapsed rule too.
  const q = to.indexOf('?');
  if (q !== -1 && sample.query.length > 0) {
    const carried = new Set(
      sample.query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
    );
    const kept = to
      .slice(q + 1)
      .split('&')
      .filter((pair) => !carried.has(pair));
    to = kept.length === 0 ? to.slice(0, q) : `${to.slice(0, q)}?${kept.join('&')}`;
  }
  to += fragment;
  for (const [token, name] of sample.tokens) to = to.split(token).join(name);
  return /zq\d+x\d+[ab]?z/.test(to) ? null : to;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}
