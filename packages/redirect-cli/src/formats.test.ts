import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckReport, check } from './commands/check';
import { convert } from './commands/convert';
import { coreFormat, readFormats } from './formats';

const scratch = mkdtempSync(join(tmpdir(), 'redirects-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe("--format next is core's next format, not vercel", () => {
  it('maps every CLI format to the core format of the same name', () => {
    for (const format of readFormats) expect(coreFormat(format)).toBe(format);
  });

  it("adds Next.js's own trailing-slash redirect before the entries", async () => {
    const path = file(
      'next-slash.json',
      '[{ "source": "/old", "destination": "/new", "permanent": true }]',
    );
    const next = JSON.parse((await check(path, { format: 'next', json: true })).stdout);
    const vercel = JSON.parse((await check(path, { format: 'vercel', json: true })).stdout);
    expect((next as CheckReport).rules).toBe(2);
    expect((vercel as CheckReport).rules).toBe(1);
    expect((next as CheckReport).issues.map((issue) => issue.message)).toContain(
      'rule 1 is Next.js\'s own redirect of "/a/" to "/a" (308), which runs before the redirects of next.config.',
    );
  });

  it('requires permanent or statusCode, as next build does (vercel.json defaults to 308)', async () => {
    const path = file('next-status.json', '[{ "source": "/old", "destination": "/new" }]');
    const next = await check(path, { format: 'next', json: true });
    expect(next.exitCode).toBe(1);
    expect(next.stdout).toMatch(/permanent/);
    const vercel = await check(path, { format: 'vercel', json: true });
    expect(vercel.exitCode).toBe(0);
  });

  it('converts next to next without writing the trailing-slash redirect, and says what another host loses', async () => {
    const path = file(
      'next-convert.json',
      '[{ "source": "/blog/:slug", "destination": "/news/:slug", "statusCode": 301 }]',
    );
    const same = await convert(path, { from: 'next', to: 'next' });
    expect(same.exitCode, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toEqual([
      { source: '/blog/:slug', destination: '/news/:slug', statusCode: 301 },
    ]);
    // Our JSON has no redirect of "/blog/x/" to "/blog/x", and Netlify neither: both say so.
    const rules = file(
      'rules.json',
      '[{ "from": "/blog/:slug", "to": "/news/:slug", "status": 301 }]',
    );
    const toNext = await convert(rules, { from: 'json', to: 'next' });
    expect(toNext.exitCode).toBe(1);
    expect(toNext.stderr).toContain('/blog/x1/ answers 301');
    const netlify = await convert(path, { from: 'next', to: 'netlify' });
    expect(netlify.exitCode).toBe(1);
    expect(netlify.stderr).toContain('/blog/');
  });
});
