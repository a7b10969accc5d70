import { readFileSync } from 'node:fs';
import { parseRedirects } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { compareNetlify, netlifyProbes } from './netlify-compare';
import { netlifyEngine } from './netlify-engine';

const redirects = readFileSync(new URL('./fixtures/_redirects', import.meta.url), 'utf8');
const toml = readFileSync(new URL('./fixtures/netlify.toml', import.meta.url), 'utf8');

describe('Netlify _redirects: the map answers as netlify-redirector', () => {
  it('agrees on every generated request', async () => {
    const engine = await netlifyEngine(redirects);
    expect(engine.errors).toEqual([]);
    const parsed = parseRedirects(redirects, 'netlify');
    const probes = netlifyProbes(parsed.rules);
    const result = compareNetlify(redirects, 'netlify', engine, probes);
    console.info(
      `netlify _redirects: ${result.compared} requests, ${result.agreed} agree (${((100 * result.agreed) / result.compared).toFixed(2)}%), documented: ${JSON.stringify(result.documented)}`,
    );
    expect(result.disagreements).toEqual([]);
    expect(result.compared).toBeGreaterThan(1000);
  });
});

describe('netlify.toml: the map answers as netlify-redirector', () => {
  it('agrees on every generated request', async () => {
    const engine = await netlifyEngine(toml, 'toml');
    expect(engine.errors).toEqual([]);
    const parsed = parseRedirects(toml, 'netlify-toml');
    const probes = netlifyProbes(parsed.rules);
    const result = compareNetlify(toml, 'netlify-toml', engine, probes);
    console.info(
      `netlify.toml: ${result.compared} requests, ${result.agreed} agree (${((100 * result.agreed) / result.compared).toFixed(2)}%), documented: ${JSON.stringify(result.documented)}`,
    );
    expect(result.disagreements).toEqual([]);
    expect(result.compared).toBeGreaterThan(200);
  });
});
