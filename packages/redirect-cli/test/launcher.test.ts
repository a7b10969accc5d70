import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launcher, packageDir, redirects } from './run';

const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  version: string;
};

describe('the committed launcher bin/redirects.js', () => {
  it('is what package.json links as `redirects`, and is published', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ redirects: './bin/redirects.js' });
    expect(manifest.files).toContain('bin');
    expect(readFileSync(launcher, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.each(['--version', '-V'])('%s prints the package version', async (flag) => {
    const run = await redirects([flag]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  // A copy of the launcher in a package folder with no build beside it, as in a fresh clone.
  const unbuilt = mkdtempSync(join(tmpdir(), 'redirect-cli-unbuilt-'));
  afterAll(() => rmSync(unbuilt, { recursive: true, force: true }));

  it('says to build when dist/ is missing', async () => {
    mkdirSync(join(unbuilt, 'bin'));
    copyFileSync(join(packageDir, 'package.json'), join(unbuilt, 'package.json'));
    copyFileSync(launcher, join(unbuilt, 'bin', 'redirects.js'));
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          [join(unbuilt, 'bin', 'redirects.js'), '--version'],
          { encoding: 'utf8' },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('@org/redirect-cli:');
    expect(run.stderr).toContain(join(unbuilt, 'dist', 'cli.js'));
    expect(run.stderr).toContain('run npm run build');
  });
});
