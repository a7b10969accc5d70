import {
  createRedirectMap,
  type MatchAnswer,
  type ParseableFormat,
  parseRedirects,
  type RedirectRule,
} from '@org/redirect-core';
import type { EngineMatch, NetlifyEngine, Probe } from './netlify-engine';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The result of comparing every probe: counts, and each disagreement spelled out. */
export interface Comparison {
  readonly compared: number;
  readonly agreed: number;
  /** Agreements that rest on a documented difference, by class. */
  readonly documented: Readonly<Record<string, number>>;
  readonly disagreements: string[];
}

/** Requests for every rule: hits with params and splats, trailing slash, case, query, misses. */
export function netlifyProbes(rules: readonly RedirectRule[]): Probe[] {
  const probes: Probe[] = [];
  const seen = new Set<string>();
  const add = (url: string, headers?: Record<string, string>) => {
    const key = `${url} ${JSON.stringify(headers ?? {})}`;
    if (seen.has(key)) return;
    seen.add(key);
    probes.push(headers === undefined ? { url } : { url, headers });
  };
  for (const rule of rules) {
    const origins =
      rule.host === undefined
        ? ['https://site.test']
        : [
            `${rule.scheme ?? 'https'}://${rule.host}`,
            `${rule.scheme === 'http' ? 'https' : 'http'}://${rule.host}`,
          ];
    for (const path of samplePaths(rule.from)) {
      const variants = [
        path,
        toggleSlash(path),
        path.toUpperCase(),
        path.toLowerCase(),
        encodeURI(path),
      ];
      for (const origin of origins) {
        for (const variant of variants) {
          for (const query of sampleQueries(rule)) {
            const url = `${origin}${variant}${query === '' ? '' : `?${query}`}`;
            add(url);
            for (const headers of sampleHeaders(rule)) add(url, headers);
          }
        }
      }
    }
  }
  for (const miss of [
    '/nope',
    '/ol',
    '/old-page',
    '/newsroom',
    '/app',
    '/APP/login',
    '/lang/x',
    '/%20',
    '/a%2Fb',
  ]) {
    add(`https://site.test${miss}`);
    add(`https://site.test${miss}?utm=1`);
  }
  return probes;
}

function samplePaths(from: string): string[] {
  let paths = [''];
  const segments = from.split('/').slice(1);
  for (const [position, segment] of segments.entries()) {
    const last = position === segments.length - 1;
    let options: string[];
    if (last && segment === '*') options = ['', '/a', '/a/b', '/a/b/', '/Mixed/Case'];
    else if (last && segment.endsWith('*')) {
      const head = `/${segment.slice(0, -1)}`;
      options = [head, `${head}x`, `${head}/`, `${head}/deep/er`, `${head}-1.2/`];
    } else if (segment.startsWith(':')) options = ['/v1', '/Hello', '/caf%C3%A9', '/a%20b'];
    else if (segment === '*') options = ['/any', '/x'];
    else options = [`/${segment}`];
    paths = paths.flatMap((path) => options.map((option) => `${path}${option}`));
  }
  return paths.map((path) => (path === '' ? '/' : path));
}

function toggleSlash(path: string): string {
  if (path === '/') return path;
  return path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
}

function sampleQueries(rule: RedirectRule): string[] {
  const entries = Object.entries(rule.query ?? {});
  if (entries.length === 0) return ['', 'utm=1', 'a=1&a=2'];
  const value = (v: string | true) => (v === true || v.startsWith(':') ? 'val%20ue' : v);
  const match = entries.map(([k, v]) => `${k}=${value(v)}`).join('&');
  const [firstKey, firstValue] = entries[0]!;
  return [
    '',
    match,
    `${match}&extra=1`,
    `${firstKey}=${value(firstValue)}&${firstKey}=other&${entries
      .slice(1)
      .map(([k, v]) => `${k}=${value(v)}`)
      .join('&')}`,
    `${firstKey}=other&${match}`,
    match.toUpperCase(),
    entries.map(([k]) => k).join('&'),
  ];
}

function sampleHeaders(rule: RedirectRule): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const language of rule.conditions?.language ?? []) {
    out.push(
      { 'accept-language': `${language}-XX,xx;q=0.5` },
      { 'accept-language': `zz,${language}` },
    );
    out.push({ cookie: `nf_lang=${language}` });
  }
  for (const name of rule.conditions?.cookie ?? []) {
    out.push({ cookie: `${name}=1` }, { cookie: `${name}=` }, { cookie: `other=${name}` });
  }
  return out;
}

/**
 * Parses `text` with redirect-core and answers every probe with the map and with Netlify's
 * engine. Documented differences (each with its reason in the README of this package):
 * - `host-decided`: Country and Role rules: the map answers "serve" (Netlify decides from
 *   geolocation or the JWT); the engine, given that country or no JWT, picks the same rule.
 * - `query-respelled`: the request's query carried to the destination holds the same parameters
 *   as netlify-cli's, which re-encodes it (`%20` as `+`); the map keeps the request's bytes.
 */
export function compareNetlify(
  text: string,
  format: ParseableFormat,
  engine: NetlifyEngine,
  probes: readonly Probe[],
): Comparison {
  const parsed = parseRedirects(text, format, {
    file: format === 'netlify' ? '_redirects' : 'netlify.toml',
  });
  const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
  const disagreements: string[] = [];
  const documented: Record<string, number> = {};
  let agreed = 0;
  for (const probe of probes) {
    const ours = map.match({
      url: probe.url,
      ...(probe.headers === undefined ? {} : { headers: probe.headers }),
    });
    const theirs = engine.match(probe);
    const verdict = judge(ours, theirs, probe, parsed.rules, engine);
    if (verdict === true) agreed += 1;
    else if (typeof verdict === 'object') {
      agreed += 1;
      documented[verdict.documented] = (documented[verdict.documented] ?? 0) + 1;
    } else {
      disagreements.push(
        `${probe.url} ${JSON.stringify(probe.headers ?? {})}: ${verdict}\n    ours: ${JSON.stringify(ours && { kind: ours.kind, status: ours.status, location: ours.location, from: ours.rule.from })}\n    netlify: ${JSON.stringify(theirs)}`,
      );
    }
  }
  return { compared: probes.length, agreed, documented, disagreements };
}

function judge(
  ours: MatchAnswer | null,
  theirs: EngineMatch | null,
  probe: Probe,
  rules: readonly RedirectRule[],
  engine: NetlifyEngine,
): true | { documented: string } | string {
  if (ours?.kind === 'serve' && ours.reason === 'condition') {
    const rule = rules[ours.rule.index]!;
    const country = rule.conditions?.country?.[0];
    const decided =
      country === undefined
        ? theirs?.force404 === true
        : engine.match({ ...probe, headers: { ...probe.headers, 'x-country': country } })?.from ===
          rule.from;
    return decided
      ? { documented: 'host-decided' }
      : 'the map defers to the host, but Netlify picks another rule';
  }
  if (theirs === null || theirs.status === undefined) {
    return ours === null ? true : 'the map answers, Netlify matches nothing';
  }
  if (ours === null) return 'Netlify matches, the map answers nothing';
  if (ours.status !== theirs.status)
    return `status ${ours.status} here, ${theirs.status} on Netlify`;
  if (!REDIRECTS.has(theirs.status))
    return ours.kind === 'serve' ? true : 'Netlify serves it, the map redirects';
  if (ours.kind !== 'redirect') return 'Netlify redirects, the map serves';
  // The Location as Netlify's local server (netlify-cli 26.2.0, src/utils/proxy.ts) builds it
  // from netlify-redirector's `to`: resolved on the request's origin and, when it has no query
  // parameters of its own, with the request's parameters appended one by one.
  const request = new URL(probe.url);
  const expected = new URL(theirs.to ?? '', `${request.protocol}//${request.host}`);
  if ([...expected.searchParams].length === 0) {
    for (const [key, value] of new URLSearchParams(request.searchParams)) {
      expected.searchParams.append(key, value);
    }
  }
  const answer = new URL(ours.location, probe.url);
  if (answer.href === expected.href) return true;
  // netlify-cli writes the query it carries through URLSearchParams (`%20` as `+`, `a` as
  // `a=`); the map keeps the request's bytes. Same parameters, other spelling.
  const same =
    `${answer.origin}${answer.pathname}${answer.hash}` ===
      `${expected.origin}${expected.pathname}${expected.hash}` &&
    JSON.stringify([...answer.searchParams]) === JSON.stringify([...expected.searchParams]);
  if (same) return { documented: 'query-respelled' };
  return `Location ${answer.href} here, ${expected.href} on Netlify`;
}
