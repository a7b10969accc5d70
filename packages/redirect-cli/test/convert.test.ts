import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRedirects } from '@org/redirect-core';
import { afterAll, describe, expect, it } from 'vitest';
import { json, redirects } from './run';

const scratch = mkdtempSync(join(tmpdir(), 'redirects-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const source = 'test/fixtures/rules.json';
const original = parseRedirects(readFileSync(source, 'utf8'), 'json').rules;

describe('redirects convert', () => {
  // `next` adds Next's own trailing-slash redirect, so our JSON converts to it only --lossy
  // (src/formats.test.ts); vercel.json reads the same entries without it.
  it.each(['csv', 'netlify', 'vercel', 'json'] as const)(
    'round-trips our JSON through %s and back',
    async (format) => {
      const there = join(scratch, `rules.${format}`);
      const out = await redirects(['convert', source, '--to', format, '--out', there]);
      expect(out.code, out.stderr).toBe(0);
      const back = await redirects(['convert', there, '--from', format, '--to', 'json']);
      expect(back.code, back.stderr).toBe(0);
      const rules = parseRedirects(back.stdout, 'json').rules;
      // Formats without `permanent` store the status chooseStatus gives it.
      expect(rules.map((rule) => [rule.from, rule.to])).toEqual(
        original.map((rule) => [rule.from, rule.to]),
      );
      expect(rules.length).toBe(original.length);
    },
  );

  it('prints an nginx config', async () => {
    const run = await redirects(['convert', 'test/fixtures/chain/_redirects', '--to', 'nginx']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('/old');
    expect(run.stdout).toContain('301');
  });

  it('gives text and losses in --json', async () => {
    const run = await redirects([
      'convert',
      'test/fixtures/chain/_redirects',
      '--to',
      'csv',
      '--json',
    ]);
    const output = json<{ from: string; to: string; text: string; lost: string[] }>(run);
    expect(output).toMatchObject({ from: 'netlify', to: 'csv', lost: [] });
    const read = parseRedirects(readFileSync('test/fixtures/chain/_redirects', 'utf8'), 'netlify');
    expect(parseRedirects(output.text, 'csv').rules).toEqual(
      read.rules.map(({ syntax: _syntax, ...rule }) => rule),
    );
  });

  it('refuses a conversion that loses meaning, and writes it with --lossy listing each loss', async () => {
    const file = join(scratch, '_redirects');
    writeFileSync(file, '/app/* /index.html 200\n/about* /company/:splat 301\n/ok /fine 301\n');
    const refused = await redirects(['convert', file, '--to', 'vercel']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('--lossy');
    expect(refused.stderr).toContain('status 200');
    expect(refused.stderr).toContain('"/about*"');
    const lossy = await redirects(['convert', file, '--to', 'vercel', '--lossy', '--json']);
    expect(lossy.code).toBe(0);
    const output = json<{ text: string; lost: string[] }>(lossy);
    expect(output.lost.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(output.text).redirects).toEqual([
      { source: '/ok', destination: '/fine', statusCode: 301 },
    ]);
  });

  it('escapes hosts and regular-expression characters for Next.js, and checks the result', async () => {
    const file = join(scratch, 'host.json');
    writeFileSync(
      file,
      JSON.stringify([{ from: '/c++(1)', to: '/r', status: 301, host: 'netlify.cert-manager.io' }]),
    );
    const run = await redirects(['convert', file, '--from', 'json', '--to', 'vercel', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [entry] = JSON.parse(json<{ text: string }>(run).text).redirects;
    expect(entry.source).toBe('/c\\+\\+\\(1\\)');
    expect(entry.has).toEqual([{ type: 'host', value: 'netlify\\.cert\\-manager\\.io' }]);
  });

  it('exits 1 with file:line on a map it cannot read, and 2 on an unknown target', async () => {
    const bad = await redirects(['convert', 'test/fixtures/bad/_redirects', '--to', 'csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('test/fixtures/bad/_redirects:2');
    expect((await redirects(['convert', source, '--to', 'yaml'])).code).toBe(2);
  });
});
