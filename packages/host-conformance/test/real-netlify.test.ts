import { readFileSync } from 'node:fs';
import { parseRedirects } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { compareNetlify, netlifyProbes } from './netlify-compare';
import { netlifyEngine } from './netlify-engine';

// Real public Netlify files (fixtures/real/SOURCES.md: repository, path, commit, licence), each
// read by redirect-core and by Netlify's own parser and matcher, request by request.
const files = [
  ['kubernetes-website-_redirects-excerpt', 'netlify'],
  ['cert-manager-website-_redirects', 'netlify'],
  ['mui-material-ui-docs-_redirects', 'netlify'],
  ['vuejs-docs-_redirects', 'netlify'],
  ['fluxcd-website-_redirects', 'netlify'],
  ['helm-helm-www-netlify.toml', 'netlify-toml'],
  ['typescript-eslint-website-netlify.toml', 'netlify-toml'],
] as const;

/** At most this many requests per file, spread evenly over its generated requests. */
const CAP = 8000;

describe.each(files)('real file %s: the map answers as netlify-redirector', (name, format) => {
  it('agrees on every generated request', async () => {
    const text = readFileSync(new URL(`./fixtures/real/${name}`, import.meta.url), 'utf8');
    const engine = await netlifyEngine(text, format === 'netlify' ? 'redirects' : 'toml');
    // Netlify accepts every line of these files, and so does redirect-core.
    expect(engine.errors).toEqual([]);
    const parsed = parseRedirects(text, format, { file: name });
    const generated = netlifyProbes(parsed.rules);
    const stride = Math.max(1, Math.ceil(generated.length / CAP));
    const probes = generated.filter((_, i) => i % stride === 0);
    const result = compareNetlify(text, format, engine, probes);
    const matched = probes.filter((probe) => engine.match(probe)?.status !== undefined).length;
    console.info(
      `real ${name}: ${parsed.rules.length} rules, ${result.compared} requests of ${generated.length} generated (${matched} matched by Netlify), ${result.agreed} agree (${((100 * result.agreed) / result.compared).toFixed(2)}%), documented: ${JSON.stringify(result.documented)}`,
    );
    expect(result.disagreements.slice(0, 40)).toEqual([]);
    // Both outcomes are exercised: rules that match, and requests no rule matches.
    expect(matched).toBeGreaterThan(parsed.rules.length);
    expect(result.compared - matched).toBeGreaterThan(10);
  });
});
