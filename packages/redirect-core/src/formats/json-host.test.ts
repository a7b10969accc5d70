import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import { checkRules } from '../map/rules';
import type { MatchAnswer, RedirectRule } from '../map/types';
import { parseRedirects, serializeRedirects } from './index';
import { fixture } from './test-helpers';
import type { ParseableFormat } from './types';

// Our JSON holds host rules (`syntax`, `serve`, `scheme`, `has`, `missing`, `conditions`): a
// host file written as JSON and read back answers every request as the host file does.

const toml = `
[[redirects]]
from = "/search"
to = "/find?q=:q"
query = { q = ":q" }
status = 302
[[redirects]]
from = "/de/*"
to = "/deutsch/:splat"
status = 301
conditions = { Language = ["de"] }
[[redirects]]
from = "/us-only"
to = "/us"
conditions = { Country = ["us"] }
[[redirects]]
from = "/app/*"
to = "/app/index.html"
status = 200
[[redirects]]
from = "http://shop.example.test/*"
to = "https://shop.example.test/:splat"
status = 301
force = true
`;

const next = JSON.stringify([
  { source: '/post/:id(\\d+)', destination: '/p/:id', permanent: true },
  { source: '/opt/:lang?/docs', destination: '/docs/:lang?', permanent: true },
  {
    source: '/header',
    has: [{ type: 'header', key: 'x-test', value: '(?<v>yes|ok)' }],
    destination: '/h/:v',
    permanent: false,
  },
  {
    source: '/missing',
    missing: [{ type: 'cookie', key: 'seen' }],
    destination: '/first',
    permanent: false,
  },
  { source: '/backend/:slug*', destination: '/api/:slug*', statusCode: 301 },
]);

const cases: [name: string, format: ParseableFormat, text: string][] = [
  ['_redirects', 'netlify', fixture('_redirects')],
  ['netlify.toml', 'netlify-toml', toml],
  ['next', 'next', next],
  ['vercel.json', 'vercel', fixture('vercel.json')],
];

// Requests for every rule: its `from` with sample values, a trailing slash, another case, a
// query, and the headers its conditions read.
function requests(rules: readonly RedirectRule[]) {
  const out: { url: string; headers: Record<string, string> }[] = [];
  const headerSets: Record<string, string>[] = [
    { host: 'site.test' },
    { host: 'site.test', 'accept-language': 'de', 'x-test': 'yes', cookie: 'seen=1' },
  ];
  for (const rule of rules) {
    const path = rule.from
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/:\w+\([^)]*\)[?*+]?/g, '42')
      .replace(/:\w+[?*+]?/g, 'v1')
      .replace(/\*/g, 'a/b');
    const hosts = rule.host === undefined ? ['site.test'] : [rule.host];
    for (const variant of [path, `${path}/`, path.toUpperCase(), `${path}?q=x&utm=1`]) {
      for (const headers of headerSets) {
        for (const host of hosts) {
          out.push({ url: `http://${host}${variant}`, headers: { ...headers, host } });
          out.push({ url: `https://${host}${variant}`, headers: { ...headers, host } });
        }
      }
    }
  }
  return out;
}

function summary(answer: MatchAnswer | null) {
  if (answer === null) return null;
  return answer.kind === 'serve'
    ? { kind: answer.kind, status: answer.status, reason: answer.reason, rule: answer.rule.index }
    : { kind: answer.kind, status: answer.status, location: answer.location };
}

describe('our JSON holds host rules', () => {
  it.each(cases)(
    '%s written as JSON reads back as the same rules and answers',
    (_, format, text) => {
      const parsed = parseRedirects(text, format);
      expect(parsed.rules.some((rule) => rule.syntax !== undefined)).toBe(true);
      const written = serializeRedirects(parsed.rules, 'json');
      expect(written.lost).toEqual([]);
      const reread = parseRedirects(written.text, 'json');
      expect(reread.rules).toEqual(parsed.rules);
      const before = createRedirectMap(parsed.rules, {
        origins: parsed.origins,
        ...parsed.options,
      });
      const after = createRedirectMap(reread.rules, { origins: reread.origins, ...reread.options });
      const all = requests(parsed.rules);
      let answered = 0;
      for (const request of all) {
        const a = summary(before.match(request));
        if (a !== null) answered += 1;
        expect(summary(after.match(request)), request.url).toEqual(a);
      }
      // The requests reach the rules: most of them are answered.
      expect(answered).toBeGreaterThan(all.length / 4);
    },
  );

  it('checkRules accepts every host-rule field and reports a bad one by name', () => {
    const { rules } = parseRedirects(toml, 'netlify-toml');
    expect(checkRules(rules)).toEqual([]);
    expect(checkRules(parseRedirects(next, 'next').rules)).toEqual([]);
    const bad = [
      { from: '/a', to: '/b', syntax: 'apache' },
      { from: '/a', to: '/b', syntax: 'next', has: [{ type: 'ip', key: 'x' }] },
      { from: '/a', to: '/b', syntax: 'netlify', conditions: { planet: ['mars'] } },
      { from: '/a', to: '/b', serve: 1000 },
      { from: '/a', to: '/b', syntax: 'netlify', scheme: 'ftp' },
    ];
    const issues = checkRules(bad);
    expect(issues.map((issue) => [issue.index, issue.field])).toEqual([
      [0, 'syntax'],
      [1, 'has.0.type'],
      [2, 'conditions'],
      [3, 'serve'],
      [4, 'scheme'],
    ]);
  });

  it('a JSON file with a host rule a host would refuse fails when the map is built', () => {
    const text = '[{ "from": "/:id(", "to": "/b", "syntax": "next", "permanent": true }]';
    const parsed = parseRedirects(text, 'json');
    expect(() => createRedirectMap(parsed.rules, { origins: parsed.origins })).toThrow(/from/);
  });
});
