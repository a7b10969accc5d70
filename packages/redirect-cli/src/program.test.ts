import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './program';

// A stream that records what is written, and claims to be a terminal or not.
const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  return {
    isTTY,
    chunks,
    write(chunk: string | Uint8Array) {
      chunks.push(String(chunk));
      return true;
    },
  } as unknown as NodeJS.WritableStream & { isTTY: boolean; chunks: string[] };
};

describe('runCli colours', () => {
  it('colours on a terminal', async () => {
    const stdout = sink(true);
    expect(await runCli(['explain', '308'], { stdout, stderr: sink(true), env: {} })).toBe(0);
    expect(stdout.chunks.join('')).toContain('\u001b[');
  });

  it('never colours with NO_COLOR, even on a terminal', async () => {
    const stdout = sink(true);
    await runCli(['explain', '308'], { stdout, stderr: sink(true), env: { NO_COLOR: '1' } });
    expect(stdout.chunks.join('')).toContain('308 Permanent Redirect');
    expect(stdout.chunks.join('')).not.toContain('\u001b[');
  });

  it('does not colour --json on a terminal', async () => {
    const stdout = sink(true);
    await runCli(['explain', '301', '--json'], { stdout, stderr: sink(true), env: {} });
    expect(JSON.parse(stdout.chunks.join('')).status.code).toBe(301);
  });
});

describe('runCli --version', () => {
  it.each(['--version', '-V'])('%s prints the version from package.json', async (flag) => {
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const stdout = sink(false);
    expect(await runCli([flag], { stdout, stderr: sink(false), env: {} })).toBe(0);
    expect(stdout.chunks.join('')).toBe(`${version}\n`);
  });
});
