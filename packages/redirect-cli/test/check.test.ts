import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/index';
import { hasAnsi, json, redirects } from './run';

const scratch = mkdtempSync(join(tmpdir(), 'redirects-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('redirects check', () => {
  it('passes a clean map with exit 0 and a summary', async () => {
    const run = await redirects(['check', 'test/fixtures/clean/_redirects']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('0 errors, 0 warnings, 0 info in 2 rules (netlify)');
    expect(hasAnsi(run.stdout)).toBe(false);
  });

  it('reports a loop as an error at file:line and exits 1', async () => {
    const run = await redirects(['check', 'test/fixtures/loop/_redirects']);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^Errors \(\d+\)$/m);
    expect(run.stdout).toMatch(/test\/fixtures\/loop\/_redirects:2 {2}loop /);
    expect(run.stdout).toContain('test/fixtures/loop/_redirects:4');
  });

  it('prints valid JSON with the lines of every rule in a finding', async () => {
    const run = await redirects(['check', 'test/fixtures/loop/_redirects', '--json']);
    expect(run.code).toBe(1);
    const report = json<CheckReport>(run);
    expect(report).toMatchObject({ format: 'netlify', rules: 3 });
    const loop = report.findings.find((finding) => finding.kind === 'loop');
    expect(loop?.severity).toBe('error');
    expect([...(loop?.at ?? [])].sort()).toEqual([
      'test/fixtures/loop/_redirects:2',
      'test/fixtures/loop/_redirects:4',
    ]);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('finds a chain, offers the collapsed rule, and --fix writes it', async () => {
    const file = join(scratch, '_redirects');
    copyFileSync('test/fixtures/chain/_redirects', file);
    const before = json<CheckReport>(await redirects(['check', file, '--json']));
    const chain = before.findings.find((finding) => finding.kind === 'chain');
    expect(chain?.at[0]).toBe(`${file}:2`);
    expect(chain?.fix?.rule).toMatchObject({ from: '/old', to: '/new' });

    const fixed = await redirects(['check', file, '--fix']);
    expect(fixed.stdout).toContain(`Fixed 1 rule(s) in ${file}.`);
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/^\/old\s+\/new\s+301/m);
    // Only the fixed line changes: comments and the other rules stay as they were.
    const original = readFileSync('test/fixtures/chain/_redirects', 'utf8').split('\n');
    expect(written.split('\n').filter((line, i) => line !== original[i])).toHaveLength(1);
    const after = json<CheckReport>(await redirects(['check', file, '--json']));
    expect(after.findings.filter((finding) => finding.kind === 'chain')).toEqual([]);
  });

  it('--fix rewrites a CSV map through the serializer, and reports on the new file', async () => {
    const file = join(scratch, 'chain.csv');
    writeFileSync(file, 'from,to,status\n/a,/b,308\n/b,/c,308\n');
    const run = await redirects(['check', file, '--fix', '--json']);
    const report = json<CheckReport>(run);
    expect(report.fixed).toBe(1);
    expect(report.findings.filter((finding) => finding.kind === 'chain')).toEqual([]);
    expect(readFileSync(file, 'utf8')).toMatch(/^\/a,\/c,308$/m);
  });

  it('reports a rule shadowed by an earlier pattern in a CSV map', async () => {
    const run = await redirects(['check', 'test/fixtures/shadowed.csv', '--json']);
    const report = json<CheckReport>(run);
    expect(report.format).toBe('csv');
    const shadowed = report.findings.find((finding) => finding.kind === 'shadowed');
    expect(shadowed?.at).toContain('test/fixtures/shadowed.csv:3');
  });

  it('exits 1 on warnings only with --strict', async () => {
    const plain = await redirects(['check', 'test/fixtures/shadowed.csv', '--json']);
    const report = json<CheckReport>(plain);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
    expect((await redirects(['check', 'test/fixtures/shadowed.csv', '--strict'])).code).toBe(1);
  });

  it('lists every bad line with file:line and exits 1', async () => {
    const run = await redirects(['check', 'test/fixtures/bad/_redirects']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('test/fixtures/bad/_redirects:2');
    // A rewrite is Netlify's to serve: a warning naming its line, and the rest is analysed.
    expect(run.stdout).toContain('test/fixtures/bad/_redirects:3: status 200 is a rewrite');
    const report = json<CheckReport>(
      await redirects(['check', 'test/fixtures/bad/_redirects', '--json']),
    );
    expect(report.issues.map((issue) => issue.at)).toEqual(
      expect.arrayContaining(['test/fixtures/bad/_redirects:2']),
    );
    expect(report.rules).toBe(2);
  });

  it('reads our JSON format with --format', async () => {
    const run = await redirects([
      'check',
      'test/fixtures/rules.json',
      '--format',
      'json',
      '--json',
    ]);
    expect(json<CheckReport>(run)).toMatchObject({ format: 'json', rules: 3 });
  });

  it('exits 2 on a missing file or an unknown format', async () => {
    const missing = await redirects(['check', 'test/fixtures/nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read test/fixtures/nope');
    const format = await redirects(['check', 'test/fixtures/rules.json', '--format', 'yaml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format yaml');
  });
});
