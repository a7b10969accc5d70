import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedirectMap, parseRedirects } from '@org/redirect-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckReport, check } from './check';

const scratch = mkdtempSync(join(tmpdir(), 'redirects-fix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixtures = new URL('../../test/fixtures/fix/', import.meta.url);
let count = 0;

/** A fresh directory under the scratch one. */
function freshDir(): string {
  count += 1;
  const dir = join(scratch, String(count));
  mkdirSync(dir);
  return dir;
}

/** Writes `text` to a fresh file named `name` and runs `check --fix --json` on it. */
async function fix(name: string, text: string | Buffer, extra: { dryRun?: boolean } = {}) {
  const dir = freshDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  const result = await check(file, { fix: true, json: true, ...extra });
  const report = result.stdout === '' ? null : (JSON.parse(result.stdout) as CheckReport);
  return { file, dir, result, report, written: readFileSync(file, 'utf8') };
}

describe('check --fix keeps every byte it does not rewrite', () => {
  it.each([
    ['netlify-lf', '_redirects', 2],
    ['netlify-crlf-bom', '_redirects', 2],
    ['netlify-cr', '_redirects', 1],
    ['netlify-mixed', '_redirects', 2],
    ['csv', 'redirects.csv', 1],
    ['rules.json', 'rules.json', 1],
    ['vercel.json', 'vercel.json', 1],
    ['next.json', 'redirects.json', 1],
  ] as const)('%s: the output matches the fixture byte for byte', async (fixture, name, fixed) => {
    const input = readFileSync(new URL(`${fixture}.in`, fixtures));
    const expected = readFileSync(new URL(`${fixture}.out`, fixtures));
    const format = fixture === 'next.json' ? { format: 'next' } : {};
    const dir = freshDir();
    const file = join(dir, name);
    writeFileSync(file, input);
    const result = await check(file, { fix: true, json: true, ...format });
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.fixed, result.stdout).toBe(fixed);
    expect(readFileSync(file).equals(expected), readFileSync(file, 'utf8')).toBe(true);
    // Nothing left beside it: the temporary file was renamed into place.
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('keeps the file mode, and --dry-run prints a unified diff and writes nothing', async () => {
    const input = readFileSync(new URL('netlify-lf.in', fixtures), 'utf8');
    const dry = await fix('_redirects', input, { dryRun: true });
    expect(dry.written).toBe(input);
    expect(dry.report?.fixed).toBe(2);
    expect(dry.report?.diff).toBe(
      [
        `--- ${dry.file}`,
        `+++ ${dry.file}`,
        '@@ -1,8 +1,8 @@',
        ' # Redirects for the site',
        ' ',
        '-/old      /interim    301!',
        '+/old      /final    301!',
        ' /interim  /final      301!',
        ' ',
        '   # indented comment',
        '-/docs/*   /guide/:splat   302!',
        '+/docs/*   /manual/:splat   302!',
        ' /guide/*  /manual/:splat  302!',
        '',
      ].join('\n'),
    );
    const text = await check(dry.file, { fix: true, dryRun: true });
    expect(text.stdout).toContain('+/old      /final    301!');
    expect(text.stdout).toContain('was not written');

    const file = join(dry.dir, 'mode');
    writeFileSync(file, input);
    chmodSync(file, 0o640);
    await check(file, { fix: true, format: 'netlify' });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe(
      readFileSync(new URL('netlify-lf.out', fixtures), 'utf8'),
    );
  });

  it('vercel.json: headers, rewrites, cleanUrls, $schema, locale and basePath all stay', async () => {
    const input = readFileSync(new URL('vercel.json.in', fixtures), 'utf8');
    const { written } = await fix('vercel.json', input);
    const before = JSON.parse(input);
    const after = JSON.parse(written);
    expect(after.redirects[0].destination).toBe('/final/:slug');
    expect({ ...after, redirects: null }).toEqual({ ...before, redirects: null });
    expect(after.redirects[0].locale).toBe(false);
    expect(after.redirects[1].basePath).toBe(false);
  });

  it('the fixer numbers lines as the parser does: a lone CR does not end a Netlify line', async () => {
    const input = '/keep /kept 302!\n/start /middle 301!\r# note\n/middle /end 301!\n';
    const { written, report } = await fix('_redirects', input);
    expect(report?.fixed).toBe(1);
    expect(written).toBe('/keep /kept 302!\n/start /end 301!\r# note\n/middle /end 301!\n');
  });

  it('the fixer and the parser agree on lines for any mix of line endings', async () => {
    const { lineSpans, parseRedirects } = await import('@org/redirect-core');
    const ends = ['\n', '\r\n', '\r', '\r\r\n'];
    for (let seed = 0; seed < 64; seed += 1) {
      const lines = Array.from(
        { length: 6 },
        (_, i) => `/p${i} /q${i} 301!${ends[(seed >> i) % 4]}`,
      );
      const text = lines.join('');
      const { rules, origins } = parseRedirects(text, 'netlify');
      const spans = lineSpans(text, { loneCr: false });
      for (const [index, rule] of rules.entries()) {
        const words = spans[origins[index]!.line - 1]!.text.trim().split(/\s+/);
        expect(words.slice(0, 2)).toEqual([rule.from, rule.to]);
      }
    }
  });
});

describe('check --fix never changes where a request lands', () => {
  const answer = (text: string, format: 'json' | 'netlify', url: string, method = 'GET') => {
    const map = createRedirectMap(parseRedirects(text, format).rules);
    return map.match({ url, method });
  };

  it('a preserveQuery: false middle hop: the collapsed rule drops the query too', async () => {
    const input = JSON.stringify([
      { from: '/sso/callback', to: '/sso/next', status: 302 },
      { from: '/sso/next', to: 'https://partner.test/land', status: 302, preserveQuery: false },
    ]);
    const { written, report } = await fix('rules.json', input);
    expect(report?.fixed).toBe(1);
    const result = answer(written, 'json', '/sso/callback?code=SECRET');
    expect(result?.kind === 'redirect' ? result.location : null).toBe('https://partner.test/land');
  });

  it('a methods: ["GET"] hop: a POST lands elsewhere, so the chain stays', async () => {
    const input = JSON.stringify([
      { from: '/a', to: '/b', status: 308 },
      { from: '/b', to: '/c', status: 308, methods: ['GET'] },
    ]);
    const { written, report } = await fix('rules.json', input);
    expect(written).toBe(input);
    expect(report?.fixed).toBe(0);
    expect(report?.notFixed?.[0]?.reason).toContain('answers only GET');
  });

  it('a param value with its own exact rule: the chain stays', async () => {
    const input = '/a/:x /b/:x 301!\n/b/special /elsewhere 301!\n/b/:x /c/:x 301!\n';
    const { written, report } = await fix('_redirects', input);
    expect(written).toBe(input);
    expect(report?.notFixed?.[0]?.reason).toContain('line 2 (/b/special) may answer');
  });

  it('a narrower splat rule: the chain stays', async () => {
    const input = '/a/* /b/:splat 301!\n/b/x/* /y/:splat 301!\n/b/* /c/:splat 301!\n';
    const { written, report } = await fix('_redirects', input);
    expect(written).toBe(input);
    expect(report?.notFixed?.[0]?.reason).toContain('line 2 (/b/x/*) may answer');
  });

  it('refuses to write a file that is not UTF-8 text, rather than change its bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n/a /b 301!\n/b /c 301!\n'),
    ]);
    const { file, result } = await fix('_redirects', bytes);
    expect(result.exitCode).toBe(1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
