import { describe, expect, it } from 'vitest';
import { parseNetlify } from '../formats/netlify';
import { fixture } from '../formats/test-helpers';
import { analyzeRedirects } from './analyze';
import type { Finding, FindingKind, RedirectRule } from './types';

const kinds = (findings: readonly Finding[], kind: FindingKind) =>
  findings.filter((finding) => finding.kind === kind);

describe('analyzeRedirects on the _redirects fixture', () => {
  const { rules, origins } = parseNetlify(fixture('_redirects'), { file: '_redirects' });
  const findings = analyzeRedirects(rules, { origins });

  it('finds the loop /a -> /b -> /a once, naming the lines', () => {
    const loops = kinds(findings, 'loop');
    expect(loops).toHaveLength(1);
    expect(loops[0]).toMatchObject({ severity: 'error', rules: [2, 3] });
    expect(loops[0]!.message).toContain('_redirects:8');
    expect(loops[0]!.message).toContain('_redirects:9');
  });

  it('finds the chain through params and collapses it', () => {
    const chains = kinds(findings, 'chain');
    expect(chains.map((chain) => chain.rules)).toEqual([
      [0, 1, 4],
      [1, 4],
    ]);
    // Only one-segment paths chain (/old-blog/a/b does not match /blog/:slug): no fix.
    expect(chains[0]!.fix).toBeUndefined();
    expect(chains[0]!.message).toContain('for requests such as /old-blog/x');
    expect(chains[1]!.fix).toEqual({
      index: 1,
      rule: { from: '/blog/:slug', to: '/posts/:slug', status: 301, syntax: 'netlify' },
    });
    expect(chains[0]!.severity).toBe('warning');
  });

  it('finds the shadowed rule and the duplicate source', () => {
    expect(kinds(findings, 'shadowed')).toEqual([
      expect.objectContaining({ rules: [5, 6], severity: 'warning' }),
    ]);
    expect(kinds(findings, 'duplicate')).toEqual([
      expect.objectContaining({ rules: [2, 7], severity: 'error' }),
    ]);
  });

  it('finds the trailing-slash self-redirect, the downgrade, the API path and the other origin', () => {
    expect(kinds(findings, 'self-redirect')).toEqual([expect.objectContaining({ rules: [10] })]);
    expect(kinds(findings, 'downgrade')).toEqual([
      expect.objectContaining({
        rules: [9],
        fix: {
          index: 9,
          rule: { from: '/home', to: 'https://example.com/', status: 301, syntax: 'netlify' },
        },
      }),
    ]);
    expect(kinds(findings, 'method-change')).toEqual([
      expect.objectContaining({
        rules: [8],
        fix: {
          index: 8,
          rule: { from: '/api/users', to: '/v2/api/users', status: 308, syntax: 'netlify' },
        },
      }),
    ]);
    expect(kinds(findings, 'external').map((finding) => finding.rules)).toEqual([[9], [12]]);
  });
});

describe('analyzeRedirects', () => {
  const analyze = (rules: RedirectRule[]) => analyzeRedirects(rules);

  it('finds nothing in a clean map', () => {
    expect(
      analyze([
        { from: '/a', to: '/x', status: 308 },
        { from: '/blog/:slug', to: '/articles/:slug', status: 308 },
        { from: '/docs/*', to: '/guide/:splat', permanent: true },
      ]),
    ).toEqual([]);
  });

  it('collapses a chain of splats', () => {
    const findings = analyze([
      { from: '/old/*', to: '/mid/:splat', status: 308 },
      { from: '/mid/:rest*', to: '/new/:rest?from=mid', status: 308 },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'chain',
        rules: [0, 1],
        fix: { index: 0, rule: { from: '/old/*', to: '/new/:splat?from=mid', status: 308 } },
      }),
    ]);
  });

  it('finds a loop that goes through params', () => {
    const findings = analyze([
      { from: '/en/:page', to: '/fr/:page', status: 307 },
      { from: '/fr/:page', to: '/en/:page', status: 307 },
    ]);
    expect(kinds(findings, 'loop')).toEqual([expect.objectContaining({ rules: [0, 1] })]);
  });

  it('finds a loop that only differs by a trailing slash or case, unless the map is strict', () => {
    const rules: RedirectRule[] = [
      { from: '/Shop/', to: '/store', status: 308 },
      { from: '/store', to: '/shop', status: 308 },
    ];
    expect(kinds(analyze(rules), 'loop')).toHaveLength(1);
    expect(
      kinds(analyzeRedirects(rules, { caseSensitive: true, trailingSlash: 'strict' }), 'loop'),
    ).toEqual([]);
  });

  it('reports rules that lead into a loop', () => {
    const findings = analyze([
      { from: '/start', to: '/a', status: 301 },
      { from: '/a', to: '/b', status: 301 },
      { from: '/b', to: '/a', status: 301 },
    ]);
    expect(kinds(findings, 'loop').map((finding) => finding.rules)).toEqual([
      [0, 1, 2],
      [1, 2],
    ]);
    expect(kinds(findings, 'chain')).toEqual([]);
  });

  it('finds a self-redirect that grows the path without end', () => {
    const findings = analyze([{ from: '/a/*', to: '/a/b/:splat', status: 301 }]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'self-redirect', severity: 'error', rules: [0] }),
    ]);
  });

  it('calls a chain past maxHops an error, and keeps the destination query in the fix', () => {
    const rules: RedirectRule[] = Array.from({ length: 12 }, (_, i) => ({
      from: `/p${i}`,
      to: i === 11 ? '/end?via=chain' : `/p${i + 1}`,
      status: 308 as const,
    }));
    const first = kinds(analyze(rules), 'chain')[0]!;
    expect(first.severity).toBe('error');
    expect(first.rules).toHaveLength(12);
    expect(first.fix?.rule.to).toBe('/end?via=chain');
    expect(kinds(analyzeRedirects(rules, { maxHops: 20 }), 'chain')[0]!.severity).toBe('warning');
  });

  it('follows absolute destinations on hosts the map serves, not others', () => {
    const findings = analyze([
      { from: '/go', to: 'https://shop.example.com/sale', status: 302 },
      { from: '/sale', to: '/deals', status: 302, host: 'shop.example.com' },
      { from: '/away', to: 'https://elsewhere.example/x', status: 302 },
    ]);
    expect(kinds(findings, 'chain')).toEqual([
      expect.objectContaining({
        rules: [0, 1],
        fix: { index: 0, rule: { from: '/go', to: 'https://shop.example.com/deals', status: 302 } },
      }),
    ]);
    expect(kinds(findings, 'external').map((finding) => finding.rules)).toEqual([[2]]);
  });

  it('flags a permanent redirect that chains into a temporary one', () => {
    const findings = analyze([
      { from: '/a', to: '/b', permanent: true },
      { from: '/b', to: '/c', permanent: false },
    ]);
    expect(kinds(findings, 'permanence-mix')).toEqual([expect.objectContaining({ rules: [0, 1] })]);
  });

  it('shadows only when the earlier rule covers every request', () => {
    const findings = analyze([
      { from: '/docs/:page', to: '/d/:page', status: 308, methods: ['GET'] },
      { from: '/docs/intro', to: '/start', status: 308 },
      { from: '/x/*', to: '/y', status: 308 },
      { from: '/x/:a/:b', to: '/z', status: 308, methods: ['GET'] },
      { from: '/q', to: '/r', status: 308, query: { page: true } },
      { from: '/q', to: '/s', status: 308, query: { page: '2', lang: 'en' } },
    ]);
    expect(kinds(findings, 'shadowed').map((finding) => finding.rules)).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });

  it('flags method-changing codes on form endpoints and unsafe methods, with a fix', () => {
    const findings = analyze([
      { from: '/login', to: '/signin', permanent: true, preserveMethod: false },
      { from: '/orders', to: '/v2/orders', status: 302, methods: ['POST'] },
      { from: '/feed.json', to: '/feed/v2.json', status: 303 },
      { from: '/about', to: '/team', status: 301 },
    ]);
    expect(
      kinds(findings, 'method-change').map((f) => [f.rules[0], f.severity, f.fix?.rule]),
    ).toEqual([
      [0, 'warning', { from: '/login', to: '/signin', permanent: true, preserveMethod: true }],
      [1, 'warning', { from: '/orders', to: '/v2/orders', status: 307, methods: ['POST'] }],
      [2, 'info', { from: '/feed.json', to: '/feed/v2.json', status: 307 }],
    ]);
  });

  it('says only that an unreachable rule is unreachable', () => {
    const findings = analyze([
      { from: '/api/*', to: '/v2/api/:splat', status: 308 },
      { from: '/api/login', to: 'http://old.example/login', status: 301 },
    ]);
    expect(findings.map((finding) => finding.kind)).toEqual(['shadowed']);
  });

  it('refuses invalid rules with the lines they came from', () => {
    expect(() =>
      analyzeRedirects([{ from: 'no-slash', to: '/b' }], {
        origins: [{ file: 'rules.json', line: 7 }],
      }),
    ).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ line: 7, field: 'from' })] }),
    );
  });

  it('treats a repeated source with the same answer as a warning', () => {
    const findings = analyze([
      { from: '/a', to: '/b', status: 301 },
      { from: '/A/', to: '/b', status: 301 },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'duplicate', severity: 'warning', rules: [0, 1] }),
    ]);
  });
});

describe('analyzeRedirects numbering', () => {
  it('names rules from 1 in messages, like lines, and keeps indexes 0-based in the data', () => {
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b', status: 301 },
      { from: '/b', to: '/a', status: 301 },
      { from: '/c', to: '/d', status: 301 },
      { from: '/d', to: '/e', status: 301 },
    ];
    const findings = analyzeRedirects(rules, {
      origins: [2, 3, 4, 5].map((line) => ({ line, file: '_redirects' })),
    });
    const [loop] = kinds(findings, 'loop');
    expect(loop!.rules).toEqual([0, 1]);
    expect(loop!.message).toContain('rules 1 -> 2 -> 1 redirect in a loop');
    expect(loop!.message).toContain('(rule 1 (_redirects:2), rule 2 (_redirects:3))');
    const [chain] = kinds(findings, 'chain');
    expect(chain!.rules).toEqual([2, 3]);
    expect(chain!.fix!.index).toBe(2);
    expect(chain!.message).toMatch(
      /^rule 3 \(_redirects:4\) starts a chain of 2 redirects \(rules 3 -> 4\)/,
    );
  });

  it('numbers rules of a host file by their place in the file, also when some are skipped', () => {
    const parsed = parseNetlify('/app/* /index.html 200\n/a /b 301\n/b /c 301\n', {
      file: '_redirects',
    });
    const findings = analyzeRedirects(parsed.rules, { origins: parsed.origins });
    const [chain] = kinds(findings, 'chain');
    expect(chain!.rules).toEqual([1, 2]);
    expect(chain!.message).toMatch(
      /^rule 2 \(_redirects:2\) starts a chain of 2 redirects \(rules 2 -> 3\)/,
    );
  });
});
