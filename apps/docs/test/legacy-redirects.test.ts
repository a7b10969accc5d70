import { chooseStatus, type RedirectRule } from '@org/redirect-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configRedirects, proxyRedirects } from '../lib/legacy-redirects';
import { type DocsServer, startDocs } from './server';

let server: DocsServer;

beforeAll(async () => {
  server = await startDocs();
});

afterAll(async () => {
  await server?.stop();
});

/** The status a rule promises: its own, or chooseStatus's answer for its intent. */
function expectedStatus(rule: RedirectRule): number {
  return (
    rule.status ?? chooseStatus({ permanent: rule.permanent, preserveMethod: rule.preserveMethod })
  );
}

const values = { code: '302', splat: 'matrix' } as const;

/** A concrete request path for a rule's pattern, and the path it must land on. */
function sample(rule: RedirectRule): { path: string; target: string } {
  const path = rule.from.replace(/:code/g, values.code).replace(/\*$/, values.splat);
  const target = rule.to.replace(':code', values.code).replace(':splat', values.splat);
  return { path, target };
}

const cases = [
  ...configRedirects.map((rule) => ['next.config redirects', rule] as const),
  ...proxyRedirects.map((rule) => ['proxy.ts', rule] as const),
];

describe('legacy URLs (served through @org/redirect-next)', () => {
  it.each(cases.map(([via, rule]) => [rule.from, via, rule] as const))(
    '%s (%s) answers its exact status and Location',
    async (_from, _via, rule) => {
      const { path, target } = sample(rule);
      const response = await fetch(server.origin + path, { redirect: 'manual' });
      await response.arrayBuffer();
      expect(response.status).toBe(expectedStatus(rule));
      const location = new URL(response.headers.get('location') ?? '', server.origin);
      expect(location.pathname).toBe(target);
    },
  );

  it('the proxy adds a bounded Cache-Control to permanent redirects', async () => {
    const response = await fetch(`${server.origin}/docs/status/308`, { redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.status).toBe(308);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });

  it('/301 lands on the 301 page when followed', async () => {
    const response = await fetch(`${server.origin}/301`);
    expect(response.url).toBe(`${server.origin}/status/301`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Moved Permanently');
  });

  it('keeps the query string', async () => {
    const response = await fetch(`${server.origin}/308?from=test`, { redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toMatch(/\/status\/308\?from=test$/);
  });

  it('pages outside the maps are not redirected', async () => {
    const response = await fetch(`${server.origin}/matrix`, { redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
  });
});
