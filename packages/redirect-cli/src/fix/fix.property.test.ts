import {
  analyzeRedirects,
  createRedirectMap,
  type PathOptions,
  parseRedirects,
  type RedirectMap,
  type RedirectRule,
  serializeRedirects,
} from '@org/redirect-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFixes } from './fix';
import { decideFixes } from './prove';

/** Runs of each property; the report of issue #17 quotes this number. */
export const FIX_PROPERTY_RUNS = 300;
// The file round trip adds parsing and the generated-request comparison to each run.
const FILE_RUNS = 100;

// A small alphabet, so rules collide: chains, exact rules for a param's value, narrower splats.
const word = fc.constantFrom('a', 'b', 'c', 'x');
const status = fc.constantFrom(301, 302, 303, 307, 308) as fc.Arbitrary<301>;

const rule: fc.Arbitrary<RedirectRule> = fc
  .record({
    from: fc.array(word, { minLength: 0, maxLength: 2 }),
    tail: fc.constantFrom('', '', '/:p', '/*'),
    to: fc.array(fc.constantFrom('a', 'b', 'c', 'x', 'd'), { minLength: 0, maxLength: 2 }),
    useTail: fc.boolean(),
    origin: fc.constantFrom('', '', '', 'https://h1.test', 'https://away.test'),
    status,
    methods: fc.constantFrom(undefined, undefined, ['GET'], ['POST']),
    preserveQuery: fc.constantFrom(undefined, undefined, false),
    host: fc.constantFrom(undefined, undefined, undefined, 'h1.test'),
    query: fc.constantFrom(undefined, undefined, undefined, { k: '1' }, { k: true as const }),
  })
  .map((r) => {
    let from = `/${r.from.join('/')}`;
    if (r.tail !== '') from = `${from === '/' ? '' : from}${r.tail}`;
    let to = `/${r.to.join('/')}`;
    if (r.useTail && r.tail !== '') {
      to = `${to === '/' ? '' : to}/${r.tail === '/*' ? ':splat' : ':p'}`;
    }
    return {
      from,
      to: `${r.origin}${to}`,
      status: r.status,
      ...(r.methods ? { methods: r.methods } : {}),
      ...(r.preserveQuery === false ? { preserveQuery: false } : {}),
      ...(r.host ? { host: r.host } : {}),
      ...(r.query ? { query: r.query } : {}),
    };
  });

// Rule sets built around a chain: one-word paths with a shared param or splat, so most runs
// have something to collapse, plus the random rules above to get in its way.
const chainy: fc.Arbitrary<RedirectRule[]> = fc
  .record({
    tail: fc.constantFrom('', '/:p', '/*'),
    words: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'x', 'd'), { minLength: 3, maxLength: 5 }),
    status,
    others: fc.array(rule, { maxLength: 3 }),
    at: fc.nat(),
  })
  .map(({ tail, words, status, others, at }) => {
    const use = tail === '/:p' ? '/:p' : tail === '/*' ? '/:splat' : '';
    const chain = words
      .slice(1)
      .map((to, i) => ({ from: `/${words[i]}${tail}`, to: `/${to}${use}`, status }));
    const i = at % (chain.length + 1);
    return [...chain.slice(0, i), ...others, ...chain.slice(i)];
  });

const ruleSets = fc
  .oneof(fc.array(rule, { minLength: 2, maxLength: 7 }), chainy)
  .filter((rules) => {
    try {
      createRedirectMap(rules);
      return true;
    } catch {
      return false;
    }
  });

// Every request the oracle asks: paths of up to three segments over the alphabet and a value no
// rule names (with and without a trailing slash up to two), on both hosts, GET and POST (HEAD
// follows GET), without a query and with a conditioned one plus a secret.
const paths = ['/'];
for (let length = 1; length <= 3; length += 1) {
  const next: string[] = [];
  const grow = (prefix: string, left: number): void => {
    if (left === 0) {
      next.push(prefix, ...(length < 3 ? [`${prefix}/`] : []));
      return;
    }
    for (const segment of ['a', 'b', 'c', 'x', 'zz']) grow(`${prefix}/${segment}`, left - 1);
  };
  grow('', length);
  paths.push(...next);
}
// Values the guard and the matcher treat specially: an encoded slash, dot segments, `//host`.
for (const odd of ['a%2Fb', '..', '%2e%2e', '.', '%2F%2Fevil.test', 'a%00b']) {
  for (const prefix of ['', '/a', '/b', '/x']) paths.push(`${prefix}/${odd}`, `${prefix}/${odd}/c`);
}
paths.push('//evil.test', '/a//evil.test');
const requests = paths.flatMap((path) =>
  ['', 'https://h1.test'].flatMap((origin) =>
    ['', '?k=1&code=SECRET'].flatMap((query) =>
      ['GET', 'POST'].map((method) => ({ url: `${origin}${path}${query}`, method })),
    ),
  ),
);

/** Where a client ends up: first status (`~` when a hop is temporary), final method and URL. */
function land(map: RedirectMap, request: { url: string; method: string }): string {
  let { url, method } = request;
  let first = '';
  for (let hop = 0; hop < 12; hop += 1) {
    const match = map.match({ url, method });
    if (match === null) return `${first} ${method} ${url}`;
    if (match.kind === 'serve') return `${first} ${method} ${url} served ${match.status}`;
    // The first status, and whether every hop is permanent (what caches keep for good).
    if (first === '') first = String(match.status);
    if (match.status !== 301 && match.status !== 308 && !first.endsWith('~')) first += '~';
    if (match.status === 303 && method !== 'HEAD') method = 'GET';
    if ((match.status === 301 || match.status === 302) && method === 'POST') method = 'GET';
    const location = match.location;
    if (location.startsWith('/')) {
      url = `${url.startsWith('/') ? '' : new URL(url).origin}${location}`;
    } else if (location.startsWith('https://h1.test')) url = location;
    else return `${first} ${method} ${location}`;
  }
  return `${first} loop`;
}

function answers(rules: readonly RedirectRule[], options: PathOptions = {}): string[] {
  const cache = { permanentMaxAge: null, temporary: null };
  const map = createRedirectMap([...rules], { ...options, cache });
  return requests.map((request) => `${request.method} ${request.url} -> ${land(map, request)}`);
}

describe('check --fix never changes an answer', () => {
  it(`the proof alone: applying its decisions keeps every answer (${FIX_PROPERTY_RUNS} runs)`, () => {
    let applied = 0;
    fc.assert(
      fc.property(ruleSets, (rules) => {
        const decisions = decideFixes(rules, analyzeRedirects(rules));
        const fixed = [...rules];
        for (const decision of decisions) {
          if (decision.kind === 'apply') fixed[decision.index] = decision.rule;
        }
        if (decisions.some((decision) => decision.kind === 'apply')) applied += 1;
        expect(answers(fixed)).toEqual(answers(rules));
      }),
      { numRuns: FIX_PROPERTY_RUNS },
    );
    // The property says something only if fixes were applied in a fair share of the runs.
    expect(applied).toBeGreaterThan(FIX_PROPERTY_RUNS / 10);
  }, 120_000);

  it(`the whole plan on a file: the written file answers as the original (${FILE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(ruleSets, (rules) => {
        const text = serializeRedirects(rules, 'json').text;
        const parsed = parseRedirects(text, 'json');
        const plan = planFixes({
          text,
          format: 'json',
          rules: parsed.rules,
          origins: parsed.origins,
          findings: analyzeRedirects(parsed.rules),
        });
        expect(plan.refused).toBeUndefined();
        expect(answers(parseRedirects(plan.text, 'json').rules)).toEqual(answers(rules));
      }),
      { numRuns: FILE_RUNS },
    );
  }, 120_000);

  it(`a Netlify file, read with Netlify's semantics: same answers (${FILE_RUNS} runs)`, () => {
    // Rules Netlify can write: no methods, no preserveQuery: false.
    const netlifyRules = ruleSets.map((rules) =>
      rules.map(({ methods: _m, preserveQuery: _p, ...rule }) => rule),
    );
    let applied = 0;
    fc.assert(
      fc.property(netlifyRules, (rules) => {
        const { text, lost } = serializeRedirects(rules, 'netlify');
        fc.pre(lost.length === 0);
        const parsed = parseRedirects(text, 'netlify');
        const plan = planFixes({
          text,
          format: 'netlify',
          rules: parsed.rules,
          origins: parsed.origins,
          findings: analyzeRedirects(parsed.rules, { origins: parsed.origins, ...parsed.options }),
          options: parsed.options,
        });
        expect(plan.refused).toBeUndefined();
        if (plan.applied.length > 0) applied += 1;
        const after = parseRedirects(plan.text, 'netlify');
        expect(answers(after.rules, after.options)).toEqual(answers(parsed.rules, parsed.options));
      }),
      { numRuns: FILE_RUNS },
    );
    expect(applied).toBeGreaterThan(FILE_RUNS / 10);
  }, 120_000);
});
